# resolv.conf: the embedded DNS on user networks, --dns servers on the default bridge
docker network create --subnet 10.90.0.0/24 resolvnet
docker run --rm --network resolvnet busybox cat /etc/resolv.conf
docker run --rm --dns 127.0.0.1 busybox cat /etc/resolv.conf
docker run --rm --dns 127.0.0.1 --dns 127.0.0.2 busybox cat /etc/resolv.conf
docker run --rm --network resolvnet --dns 127.0.0.1 busybox cat /etc/resolv.conf
docker run --rm --dns 127.0.0.1 busybox nslookup -type=a web
