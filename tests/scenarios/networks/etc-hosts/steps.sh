# /etc/hosts: localhost lines, the container's own address and --add-host entries
docker run --rm --hostname myhost busybox cat /etc/hosts
docker network create --subnet 10.89.0.0/24 hostsnet
docker run --rm --network hostsnet --hostname h2 --add-host extra:10.9.9.9 busybox cat /etc/hosts
docker run --rm --network none --hostname h3 busybox cat /etc/hosts
docker run --rm --add-host a:10.1.1.1 --add-host b:10.2.2.2 busybox sh -c 'ping -c1 -W1 a | head -1'
