# ping by name on a user network, with BusyBox's output (times stripped)
docker network create --subnet 10.98.0.0/24 pingnet
docker run -d --name target --network pingnet busybox sleep 300
docker run --rm --network pingnet busybox sh -c "ping -c 2 target | sed 's/time=.*/time=T/; s/= .*ms/= T ms/'"
docker run --rm --network pingnet busybox ping -c1 -W1 nosuchhost
docker run --rm --network pingnet busybox sh -c "ping -c1 127.0.0.1 | sed 's/time=.*/time=T/; s/= .*ms/= T ms/'"
docker rm -f target
