# network prune removes user networks no container is connected to
docker network create --subnet 10.71.0.0/24 unused1
docker network create --subnet 10.72.0.0/24 unused2
docker network create --subnet 10.73.0.0/24 used
docker run -d --name user --network used busybox sleep 300
docker network prune -f
docker network ls --format '{{.Name}}' | sort
docker network prune -f
docker rm -f user
