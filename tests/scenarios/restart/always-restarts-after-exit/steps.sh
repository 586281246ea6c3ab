# --restart always starts the container again after it exits on its own
docker run -d --name loop --restart always busybox sh -c 'echo tick; sleep 1; exit 2'
sleep 4
docker inspect -f '{{gt .RestartCount 0}} {{.HostConfig.RestartPolicy.Name}}' loop
docker logs loop | head -2
docker rm -f loop
