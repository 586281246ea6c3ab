# on-failure does not restart a container that exits 0
docker run -d --name fine --restart on-failure busybox sh -c 'echo ok'
sleep 2
docker inspect -f '{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}} {{.HostConfig.RestartPolicy.Name}}' fine
docker logs fine
