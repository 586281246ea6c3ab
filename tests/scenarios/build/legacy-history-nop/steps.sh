# Legacy builder: /bin/sh -c #(nop) history texts, image IDs for each step, <missing> for the base
DOCKER_BUILDKIT=0 docker build -q -t hist:1 .
docker history --no-trunc --format '{{.CreatedBy}}|{{.Size}}' hist:1
docker history --format '{{.ID}}' hist:1 | sed 's/[0-9a-f]\{12\}/<id>/'
