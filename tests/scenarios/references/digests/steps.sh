# a digest reference needs a full sha256; a well-formed one for an image not here is not found
docker run --rm --pull never busybox@sha256:0000000000000000000000000000000000000000000000000000000000000000 true
docker run --rm --pull never busybox@sha256:abc true
docker run --rm --pull never busybox@md5:0123 true
docker images --digests --format '{{.Repository}}|{{.Tag}}|{{.Digest}}'
docker image inspect -f '{{json .RepoDigests}}' busybox
