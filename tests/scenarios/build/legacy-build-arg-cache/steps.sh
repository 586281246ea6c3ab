# Legacy builder: build-arg values are part of the RUN cache key
DOCKER_BUILDKIT=0 docker build -q --build-arg V=1 -t ba:1 .
DOCKER_BUILDKIT=0 docker build --build-arg V=1 -t ba:2 .
DOCKER_BUILDKIT=0 docker build --build-arg V=2 -t ba:3 .
docker run --rm ba:3 cat /v
docker history --format '{{.CreatedBy}}' --no-trunc ba:3 | head -2
