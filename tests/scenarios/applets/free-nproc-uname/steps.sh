# system facts from inside a container
docker run --rm busybox uname -s
docker run --rm busybox sh -c 'test "$(nproc)" -ge 1 && echo has-cpus'
docker run --rm busybox sh -c 'free | head -1'
docker run --rm busybox whoami
