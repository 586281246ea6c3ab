# the lab image was built by the classic builder: -a also lists its untagged parent layer image
docker images -a --format '{{.Repository}}:{{.Tag}}|{{.Size}}' | sort
docker images -a -q | wc -l
docker image inspect -f '{{if .Parent}}has a parent{{else}}no parent{{end}}' busybox
docker history -q busybox | wc -l
