# Legacy builder: the warning about build-args that were not consumed
DOCKER_BUILDKIT=0 docker build --build-arg NOPE=1 --build-arg USED=2 -t ua:1 .
