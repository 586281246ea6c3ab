# --pid host shares the host's process table: PID 1 is the host's init, not the container's command
docker run --rm --pid host busybox sh -c 'test "$(cat /proc/1/comm)" != sh && echo host-pid1'
docker run --rm busybox cat /proc/1/comm
