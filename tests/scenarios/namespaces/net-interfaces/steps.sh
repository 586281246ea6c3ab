# net namespace: a container on the default bridge has lo and eth0; --network none only lo
docker run --rm busybox sh -c 'ls /sys/class/net | sort'
docker run --rm --network none busybox sh -c 'ls /sys/class/net | sort'
docker run --rm --network none busybox ip -o link | cut -d: -f2
