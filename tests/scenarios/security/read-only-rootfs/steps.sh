# --read-only: writes fail with Read-only file system, except tmpfs and volumes
docker run --rm --read-only busybox touch /x
docker run --rm --read-only --tmpfs /scratch busybox sh -c 'touch /scratch/x && echo tmpfs-ok'
docker run --rm --read-only -v /data busybox sh -c 'touch /data/x && echo volume-ok'
docker run --rm --read-only busybox sh -c 'echo hi > /tmp/x'
