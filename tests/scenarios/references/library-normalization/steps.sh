# busybox, library/busybox, docker.io/busybox and docker.io/library/busybox:latest name the same image
docker run --rm --pull never busybox echo short
docker run --rm --pull never library/busybox echo library
docker run --rm --pull never docker.io/busybox echo registry
docker run --rm --pull never docker.io/library/busybox:latest echo full
docker run --rm --pull never index.docker.io/library/busybox echo index
docker image inspect -f '{{json .RepoTags}}' docker.io/library/busybox:latest
docker create --name ref docker.io/library/busybox
docker inspect -f '{{.Config.Image}}' ref
docker ps -a --format '{{.Image}}'
