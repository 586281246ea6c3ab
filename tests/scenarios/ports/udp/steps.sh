# udp ports are published and listed separately from tcp
docker run -d --name dns -p 5353:53/udp -p 8053:53 busybox sleep 300
docker port dns
docker port dns 53/udp
docker port dns 53
docker ps --format '{{.Ports}}'
docker rm -f dns
