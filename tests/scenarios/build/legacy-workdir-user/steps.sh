# Legacy builder: WORKDIR and USER
DOCKER_BUILDKIT=0 docker build -q -t wu:1 .
docker run --rm wu:1 sh -c 'cat /tmp/who; pwd'
