# Legacy builder: the same .dockerignore rules
DOCKER_BUILDKIT=0 docker build -q -t di:1 .
docker run --rm di:1 find /ctx -type f | sort
