# Legacy builder: COPY of a file that is not in the context
DOCKER_BUILDKIT=0 docker build -t miss:1 .
docker images -q miss
