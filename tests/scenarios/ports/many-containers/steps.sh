# each container publishes its own host port; all are reachable from the host
docker run -d --name s1 -p 8081:80 busybox sh -c 'echo one > /var/www/index.html && httpd -f -p 80 -h /var/www'
docker run -d --name s2 -p 8082:80 busybox sh -c 'echo two > /var/www/index.html && httpd -f -p 80 -h /var/www'
sleep 1
wget -qO- http://localhost:8081/
wget -qO- http://localhost:8082/
docker ps --format '{{.Names}} {{.Ports}}' | sort
docker rm -f s1 s2
