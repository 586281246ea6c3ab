# Legacy builder: editing one RUN line uses the cache before it and rebuilds from it
DOCKER_BUILDKIT=0 docker build -q -t r:1 .
sed -i 's/echo b/echo B/' Dockerfile
DOCKER_BUILDKIT=0 docker build -t r:2 .
docker run --rm r:2 cat /a /b /c
