# a published port with no server behind it: the host side accepts, then the connection drops
docker run -d --name idle -p 8080:80 busybox sleep 300
docker run --rm --network host busybox wget -qO- http://127.0.0.1:8080/
docker run --rm --network host busybox wget -qO- http://127.0.0.1:8081/
docker rm -f idle
