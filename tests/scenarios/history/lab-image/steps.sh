# history lists the lab image's two steps, newest first; -H=false prints bytes, --no-trunc the whole command
docker history busybox
docker history --no-trunc --format '{{.CreatedBy}}' busybox | sed 's/file:[0-9a-f]*/file:<digest>/'
docker history --format '{{.Size}}|{{.Comment}}' -H=false busybox
docker history -q busybox | wc -l
docker history nosuch
