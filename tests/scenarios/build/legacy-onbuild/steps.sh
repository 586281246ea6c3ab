# Legacy builder: ONBUILD triggers
DOCKER_BUILDKIT=0 docker build -q -t obbase:1 -f Dockerfile.base .
docker inspect -f '{{json .Config.OnBuild}}' obbase:1
DOCKER_BUILDKIT=0 docker build -t obchild:1 .
docker run --rm obchild:1 cat /trigger /child.txt
