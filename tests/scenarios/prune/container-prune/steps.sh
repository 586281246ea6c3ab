# container prune removes stopped containers only; rm $(docker ps -aq) removes by list
docker run --name stopped1 busybox true
docker create --name created1 busybox
docker run -d --name running1 busybox sleep 300
docker container prune -f | sed 's/^[0-9a-f]\{64\}$/<id>/'
docker ps -a --format '{{.Names}}'
