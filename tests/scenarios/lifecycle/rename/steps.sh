# rename changes the name but not the container; names stay unique
docker create --name old busybox
docker create --name taken busybox
docker rename old new
docker rename new taken
docker rename nosuch other
docker rename new new
docker ps -a --format '{{.Names}}'
docker inspect -f '{{.Name}}' new
