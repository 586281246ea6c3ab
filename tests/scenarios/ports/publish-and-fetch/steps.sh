# -p host:container publishes a container's server on the host's localhost
docker run -d --name web -p 8080:80 busybox sh -c 'echo published > /var/www/index.html && httpd -f -p 80 -h /var/www'
sleep 1
wget -qO- http://localhost:8080/
wget -qO- http://127.0.0.1:8080/
docker port web
docker ps --format '{{.Names}} {{.Ports}}'
docker rm -f web
