# a PID 1 that traps SIGTERM exits with its own code when stopped, before the timeout
docker run -d --name polite busybox sh -c 'trap "echo bye; exit 0" TERM; while true; do sleep 1; done'
sleep 1
docker stop --time 10 polite
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' polite
docker logs polite
