# containers on the default bridge get 172.17.0.x addresses in order, with the gateway .1
docker run -d --name one busybox sleep 300
docker run -d --name two busybox sleep 300
docker inspect -f '{{.Name}} {{.NetworkSettings.IPAddress}} {{.NetworkSettings.Gateway}} {{.NetworkSettings.MacAddress}}' one two
docker run --rm busybox sh -c 'ip -4 addr show eth0 | grep inet'
docker rm -f one
docker run --rm busybox sh -c 'ip -4 addr show eth0 | grep inet'
docker rm -f two
