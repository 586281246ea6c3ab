# a container with --restart always stays stopped after docker stop
docker run -d --name keeper --restart always busybox sleep 300
docker stop -t 1 keeper
sleep 2
docker ps -a --format '{{.Names}}|{{.State}}'
docker inspect -f '{{.RestartCount}} {{.State.Status}} {{.HostConfig.RestartPolicy.Name}}' keeper
