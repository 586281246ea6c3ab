# per-container /etc/hosts, /etc/hostname and /etc/resolv.conf are bind mounts written by Docker
docker run --rm -h web busybox sh -c 'grep -v "^172" /etc/hosts'
docker run --rm --network none busybox cat /etc/hosts
docker run --rm busybox sh -c 'mount | grep /etc/ | cut -d" " -f3 | sort'
