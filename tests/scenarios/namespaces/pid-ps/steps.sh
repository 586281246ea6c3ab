# PID namespace: the container sees its main process as PID 1 and only its own processes
docker run --rm busybox ps
docker run --rm busybox sh -c 'sleep 30 & sleep 1; ps -o comm'
docker run --rm busybox sh -c 'echo $$; cat /proc/1/cmdline | tr "\0" " "; echo'
