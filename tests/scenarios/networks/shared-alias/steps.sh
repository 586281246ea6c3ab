# several containers may share one alias; the name resolves to all of them
docker network create --subnet 10.97.0.0/24 pool
docker run -d --name w1 --network pool --network-alias workers busybox sleep 300
docker run -d --name w2 --network pool --network-alias workers busybox sleep 300
docker run --rm --network pool busybox sh -c 'nslookup -type=a workers | grep ^Address: | sort'
docker rm -f w1
docker run --rm --network pool busybox sh -c 'nslookup -type=a workers | grep ^Address: | sort'
docker rm -f w2
