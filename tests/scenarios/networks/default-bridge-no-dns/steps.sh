# the default bridge has no DNS for container names; addresses still work
docker run -d --name web busybox sh -c 'echo hi > /var/www/index.html && httpd -f -p 80 -h /var/www'
sleep 1
docker run --rm --dns 127.0.0.1 busybox cat /etc/resolv.conf
docker run --rm --dns 127.0.0.1 busybox ping -c1 -W1 web
docker run --rm --dns 127.0.0.1 busybox wget -qO- http://web/
docker run --rm busybox wget -qO- http://172.17.0.2/
docker rm -f web
