# a paused container can be stopped and removed by force
docker run -d --name frozen busybox sleep 300
docker pause frozen
docker stop -t 1 frozen
docker inspect -f '{{.State.Status}} {{.State.Paused}} {{.State.ExitCode}}' frozen
docker run -d --name frozen2 busybox sleep 300
docker pause frozen2
docker rm -f frozen2
docker ps -a --format '{{.Names}}'
