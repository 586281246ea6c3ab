# -l and --label-file set labels; filters and templates read them
docker run --name lab -l a=1 --label b=two -l flag --label-file labels.txt busybox true
docker inspect -f '{{json .Config.Labels}}' lab
docker ps -a --filter label=flag --format '{{.Names}}'
docker ps -a --format '{{.Label "from-file"}}'
docker run --rm --label-file nosuch.txt busybox true
