# on a user network --link gives an extra DNS name instead of a hosts entry
docker network create --subnet 10.91.0.0/24 linknet
docker run -d --name target --network linknet busybox sleep 300
docker run --rm --network linknet --link target:tgt busybox sh -c 'nslookup -type=a tgt | tail -2'
docker run --rm --network linknet --link target:tgt busybox sh -c 'grep -c tgt /etc/hosts'
docker rm -f target
