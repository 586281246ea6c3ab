# Legacy builder: an unchanged rebuild prints ' ---> Using cache' for every step
DOCKER_BUILDKIT=0 docker build -t again:1 .
DOCKER_BUILDKIT=0 docker build -t again:2 .
docker images --format '{{.ID}}' again | uniq | wc -l
