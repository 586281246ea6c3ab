# inspect Config: the image's defaults merged with the run options
docker run -d --name cfg -e A=1 -w /srv -u nobody -l role=demo --entrypoint sh busybox -c 'sleep 300'
docker inspect -f '{{json .Config.Cmd}} {{json .Config.Entrypoint}}' cfg
docker inspect -f '{{json .Config.Env}}' cfg
docker inspect -f '{{.Config.WorkingDir}}|{{.Config.User}}|{{json .Config.Labels}}|{{.Config.Image}}' cfg
docker inspect -f '{{.Config.Tty}} {{.Config.OpenStdin}} {{.Config.AttachStdout}}' cfg
docker inspect -f '{{eq .Config.Hostname (slice .Id 0 12)}}' cfg
docker inspect -f '{{.Path}} {{json .Args}}' cfg
