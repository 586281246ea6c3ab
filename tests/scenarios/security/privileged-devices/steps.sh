# --privileged exposes the host's devices; a default container gets a minimal /dev
docker run --rm busybox ls /dev | head -20
docker run --rm busybox sh -c 'ls /dev | wc -l'
