# users come from the image's /etc/passwd: -u by name or uid
docker run --rm -u nobody busybox id
docker run --rm -u 1234 busybox id
docker run --rm -u 1234:5678 busybox sh -c 'id; echo $HOME'
docker run --rm -u nosuchuser busybox id
