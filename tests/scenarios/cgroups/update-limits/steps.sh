# docker update changes limits of a running container
docker run -d --name up1 -m 32m busybox sleep 60 > /dev/null
docker update -m 64m --memory-swap 128m --pids-limit 10 up1
docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.PidsLimit}}' up1
docker rm -f up1 > /dev/null
