# Legacy builder: proxy args need no ARG line and stay out of history
DOCKER_BUILDKIT=0 docker build -q --build-arg HTTP_PROXY=http://127.0.0.1:3128 --build-arg no_proxy=local -t pa:1 .
docker run --rm pa:1 cat /p
docker history --no-trunc --format '{{.CreatedBy}}' pa:1 | head -1
