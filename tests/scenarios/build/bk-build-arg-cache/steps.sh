# BuildKit: a RUN that sees a build-arg misses the cache when the value changes, and history shows it
docker build -q --build-arg V=1 -t ba:1 .
docker build --build-arg V=1 -t ba:2 .
docker build --build-arg V=2 -t ba:3 .
docker run --rm ba:3 cat /v
docker history --format '{{.CreatedBy}}' --no-trunc ba:3 | head -2
