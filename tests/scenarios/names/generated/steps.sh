# a container without --name gets a generated adjective_surname name
docker run busybox true
docker ps -a --format '{{.Names}}' | grep -cE '^[a-z]+_[a-z]+[0-9]?$'
docker inspect -f '{{.Name}}' $(docker ps -aq) | grep -cE '^/[a-z]+_[a-z]+[0-9]?$'
docker rename $(docker ps -aq) chosen
docker ps -a --format '{{.Names}}'
