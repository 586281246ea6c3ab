# tmpfs mounts are private to one container and not volumes
docker run --rm --tmpfs /cache busybox sh -c 'echo x > /cache/f && cat /cache/f'
docker run --rm --mount type=tmpfs,dst=/cache busybox sh -c 'grep " /cache " /proc/mounts | cut -d" " -f1-3'
docker run --rm --tmpfs /cache busybox ls -A /cache
docker volume ls -q | wc -l
docker run --rm --read-only --tmpfs /run busybox sh -c 'touch /run/pid && echo ok'
