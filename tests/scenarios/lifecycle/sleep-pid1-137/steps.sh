# sleep as PID 1 ignores SIGTERM: stop waits the full timeout, then SIGKILL, and the exit is 137
docker run -d --name sl busybox sleep 300
docker stop -t 2 sl
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.OOMKilled}}' sl
docker start sl
docker kill sl
docker inspect -f '{{.State.ExitCode}}' sl
