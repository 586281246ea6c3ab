# a container on two networks has one interface in each and is reachable from both
docker network create --subnet 10.87.0.0/24 left
docker network create --subnet 10.88.0.0/24 right
docker create --name hub --network left busybox sh -c 'echo hub > /var/www/index.html && httpd -f -p 80 -h /var/www'
docker network connect right hub
docker start hub
sleep 1
docker exec hub sh -c 'ip -4 addr | grep inet | sort'
docker run --rm --network left busybox wget -qO- http://hub/
docker run --rm --network right busybox wget -qO- http://hub/
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}' hub
docker rm -f hub
