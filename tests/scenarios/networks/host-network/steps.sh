# --network host shares the host's network stack: a server is reachable at the host's 127.0.0.1
docker run -d --name hostweb --network host busybox sh -c 'echo on the host network > /var/www/index.html && httpd -f -p 127.0.0.1:8099 -h /var/www'
sleep 1
wget -qO- http://127.0.0.1:8099/
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} [{{$v.IPAddress}}]{{end}} {{.HostConfig.NetworkMode}}' hostweb
docker run --rm --network host -p 8080:80 busybox true
docker run --rm --network host --network-alias x busybox true
docker rm -f hostweb
