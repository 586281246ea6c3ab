# Legacy builder: a later rm leaves the bytes in the earlier layer
DOCKER_BUILDKIT=0 docker build -q -t del:1 .
DOCKER_BUILDKIT=0 docker build -q -t del:2 -f Dockerfile.same .
docker history --format '{{.CreatedBy}}|{{.Size}}' del:1 | head -3
docker history --format '{{.CreatedBy}}|{{.Size}}' del:2 | head -2
docker images --format '{{.Tag}} {{.Size}}' del
