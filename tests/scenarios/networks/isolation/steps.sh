# containers on different user networks cannot see each other, by name or by address
docker network create --subnet 10.81.0.0/24 front
docker network create --subnet 10.82.0.0/24 back
docker run -d --name api --network back busybox sh -c 'echo api > /var/www/index.html && httpd -f -p 80 -h /var/www'
sleep 1
docker run --rm --network back busybox wget -qO- http://api/
docker run --rm --network front busybox wget -qO- http://api/
docker run --rm --network front busybox nc -w 1 10.82.0.2 80
docker run --rm --network front busybox ping -c1 -W1 10.82.0.2
docker rm -f api
