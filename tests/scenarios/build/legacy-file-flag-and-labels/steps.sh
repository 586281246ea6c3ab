# Legacy builder: -f, --label and a missing Dockerfile
DOCKER_BUILDKIT=0 docker build -q -f build/other.df --label team=core --label stage=test -t ff:1 .
docker inspect -f '{{json .Config.Labels}}' ff:1
DOCKER_BUILDKIT=0 docker build -f nope.Dockerfile .
