# with --init, docker-init is PID 1 and forwards SIGTERM: sleep dies at once with 143; without it, 137 after the timeout
docker run -d --init --name withinit busybox sleep 300
docker run -d --name noinit busybox sleep 300
docker exec withinit cat /proc/1/comm
docker exec noinit cat /proc/1/comm
docker stop -t 5 withinit
docker stop -t 1 noinit
docker ps -a --format '{{.Names}}|{{.Status}}'
docker inspect -f '{{.Name}} {{.State.ExitCode}}' withinit noinit
