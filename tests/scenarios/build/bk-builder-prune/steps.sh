# BuildKit: docker builder prune empties the build cache, so the next build runs every step
docker build -q -t bp:1 .
docker builder prune -f > /dev/null
docker build -t bp:2 .
docker system df --format '{{.Type}}' | grep Build
