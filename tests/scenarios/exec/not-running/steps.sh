# exec needs a running container
docker create --name made busybox sleep 300
docker exec made true
docker run --name ended busybox true
docker exec ended true
docker exec nosuch true
docker exec
