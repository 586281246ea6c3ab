# --format over images: Go templates, json, table
docker tag busybox mine:v1
docker images --format '{{.Repository}}|{{.Tag}}|{{.Size}}|{{.Digest}}' | sort
docker images --format 'table {{.Repository}}\t{{.Tag}}\t{{.Size}}' mine
docker images --format '{{json .Repository}}' | sort
docker images --format '{{.Nope}}'
docker images --digests --format '{{.Repository}} {{.Digest}}' busybox
