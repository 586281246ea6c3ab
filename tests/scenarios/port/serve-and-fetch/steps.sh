# a published port forwards connections from 127.0.0.1 to the container
docker run -d --name web -p 8080:80 busybox sh -c 'echo served from the container > /var/www/index.html && httpd -f -p 80 -h /var/www'
sleep 1
wget -qO- http://127.0.0.1:8080/
docker run -d --name nopub busybox sleep 300
docker port nopub
