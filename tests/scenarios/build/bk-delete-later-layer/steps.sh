# BuildKit: deleting a file in a later RUN keeps its bytes in the earlier layer; deleting in the same RUN does not
docker build -q -t del:1 .
docker build -q -t del:2 -f Dockerfile.same .
docker history --format '{{.CreatedBy}}|{{.Size}}' del:1 | head -3
docker history --format '{{.CreatedBy}}|{{.Size}}' del:2 | head -2
docker images --format '{{.Tag}} {{.Size}}' del
