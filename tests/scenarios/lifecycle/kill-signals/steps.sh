# kill sends SIGKILL by default; -s sends another signal, which PID 1 ignores unless it traps it
docker run -d --name plain busybox sleep 300
docker kill -s TERM plain
docker inspect -f '{{.State.Status}}' plain
docker kill plain
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' plain
docker run -d --name trapper busybox sh -c 'trap "echo got HUP; exit 7" HUP; while true; do sleep 1; done'
sleep 1
docker kill -s HUP trapper
docker wait trapper
docker logs trapper
