# docker update changes the restart policy of an existing container
docker create --name upd busybox
docker inspect -f '{{.HostConfig.RestartPolicy.Name}}|{{.HostConfig.RestartPolicy.MaximumRetryCount}}' upd
docker update --restart on-failure:3 upd
docker inspect -f '{{.HostConfig.RestartPolicy.Name}}|{{.HostConfig.RestartPolicy.MaximumRetryCount}}' upd
docker update --restart unless-stopped upd
docker inspect -f '{{.HostConfig.RestartPolicy.Name}}' upd
docker update --restart always nosuch
