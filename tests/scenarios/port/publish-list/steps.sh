# docker port lists published ports; ps shows them in PORTS
docker run -d --name web -p 8080:80 -p 127.0.0.1:8081:81/udp busybox sleep 300
docker port web
docker port web 80
docker port web 80/tcp
docker port web 81/udp
docker port web 9999
docker ps --format '{{.Names}}|{{.Ports}}'
