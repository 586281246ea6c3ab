# docker images lists tagged images; -q prints short IDs; a repository argument filters
docker images
docker images -q | wc -c
docker image ls busybox
docker images busybox:latest --format '{{.Repository}}:{{.Tag}}'
docker images nosuch
docker images 'busy*'
