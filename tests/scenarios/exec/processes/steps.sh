# an exec'd process joins the container's PID namespace next to PID 1
docker run -d --name box busybox sleep 300
docker exec box ps -o pid,comm
docker exec box sh -c 'echo $$'
docker exec box cat /proc/1/cmdline | tr '\0' ' '
