# Legacy builder: COPY with wildcards and several sources into a directory
DOCKER_BUILDKIT=0 docker build -q -t g:1 .
docker run --rm g:1 sh -c 'cd /dst && ls -R'
