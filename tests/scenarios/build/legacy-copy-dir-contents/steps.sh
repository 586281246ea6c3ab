# Legacy builder: copying a directory copies its contents
DOCKER_BUILDKIT=0 docker build -q -t dc:1 .
docker run --rm dc:1 sh -c 'ls -R /app /other'
