# containers are also found by their full ID or a unique ID prefix
docker create --name byid busybox
docker inspect -f '{{.Name}}' $(docker ps -aq --no-trunc)
docker inspect -f '{{.Name}}' $(docker ps -aq)
docker inspect -f '{{.Name}}' $(docker ps -aq | cut -c1-4)
docker rm $(docker ps -aq | cut -c1-5) | wc -c
docker ps -a --format '{{.Names}}'
