# BusyBox httpd serves files and directory indexes by name across a user network; missing files are 404
docker network create --subnet 10.92.0.0/24 webnet
docker run -d --name site --network webnet busybox sh -c 'mkdir -p /www/docs && echo home > /www/index.html && echo doc > /www/docs/index.html && echo plain > /www/a.txt && httpd -f -p 80 -h /www'
sleep 1
docker run --rm --network webnet busybox wget -qO- http://site/
docker run --rm --network webnet busybox wget -qO- http://site/docs/
docker run --rm --network webnet busybox wget -qO- http://site/a.txt
docker run --rm --network webnet busybox wget -qO- http://site/missing.html
docker run --rm --network webnet busybox wget -O- http://site/missing.html
docker run --rm --network webnet busybox wget -qO- http://site:81/
docker rm -f site
