# -p ip:host:container binds only that host address
docker run -d --name local -p 127.0.0.1:8081:80 busybox sh -c 'echo local only > /var/www/index.html && httpd -f -p 80 -h /var/www'
sleep 1
wget -qO- http://127.0.0.1:8081/
docker port local
docker port local 80/tcp
docker ps --format '{{.Ports}}'
docker rm -f local
