# inside a container on a user network: addresses, routes and interfaces
docker network create --subnet 10.86.0.0/24 --gateway 10.86.0.1 routed
docker run --rm --network routed busybox ip route
docker run --rm --network routed busybox sh -c 'ip addr show eth0 | sed 1d'
docker run --rm --network routed busybox sh -c 'ip link show lo'
docker run --rm --network routed busybox sh -c 'ifconfig eth0 | head -2'
docker run --rm --network routed busybox sh -c 'ip -o -4 addr | cut -d" " -f2,7'
docker run --rm --network routed busybox hostname -i
