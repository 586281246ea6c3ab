# Legacy builder: a failing RUN prints 'The command ... returned a non-zero code'
DOCKER_BUILDKIT=0 docker build -t fail:1 .
docker images -q fail
docker ps -a --format '{{.Status}}'
