# UTS namespace: a container's hostname is its short ID unless -h sets it; the host keeps its own
docker run --rm -h box busybox hostname
docker run --rm -h box busybox cat /etc/hostname
docker run -d --name h1 busybox sleep 60 > /dev/null
test "$(docker exec h1 hostname)" = "$(docker inspect -f '{{slice .Id 0 12}}' h1)" && echo short-id
docker rm -f h1 > /dev/null
