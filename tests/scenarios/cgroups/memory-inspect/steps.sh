# -m and --memory-swap appear in inspect; a too-small limit is refused
docker run -d --name mi -m 32m --memory-swap 64m busybox sleep 60 > /dev/null
docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}}' mi
docker rm -f mi > /dev/null
docker run --rm -m 4k busybox true
docker run --rm -m 16m --memory-swap 8m busybox true
