# start of a running container is a no-op that prints the name; start of unknown names fails
docker run -d --name up busybox sleep 300
docker start up
docker start nosuch
docker start up nosuch
docker inspect -f '{{.State.Status}}' up
