# a published port is also reachable from other containers through the bridge gateway
docker run -d --name web -p 8080:80 busybox sh -c 'echo via gateway > /var/www/index.html && httpd -f -p 80 -h /var/www'
sleep 1
docker run --rm busybox wget -qO- http://172.17.0.1:8080/
docker run --rm --network host busybox wget -qO- http://127.0.0.1:8080/
docker run --rm busybox wget -qO- http://172.17.0.2:80/
docker rm -f web
