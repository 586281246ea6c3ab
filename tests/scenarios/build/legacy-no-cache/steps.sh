# Legacy builder: --no-cache runs every step in a new container
DOCKER_BUILDKIT=0 docker build -q -t nc:1 .
DOCKER_BUILDKIT=0 docker build --no-cache -t nc:2 .
