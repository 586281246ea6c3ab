# a reference may carry a registry host:port and namespaces; docker.io/library/ is left out when shown
docker tag busybox localhost:5000/team/app:1
docker tag busybox docker.io/library/alias:1
docker tag busybox docker.io/someone/tool:2
docker tag busybox registry.example.com/deep/ns/name:3
docker images --format '{{.Repository}}|{{.Tag}}' | sort
docker image inspect -f '{{json .RepoTags}}' busybox
docker run --rm --pull never localhost:5000/team/app:1 echo runs by its long name
