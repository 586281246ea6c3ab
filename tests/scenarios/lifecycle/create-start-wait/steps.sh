# create makes a container in state created; start runs it; when it ends it is exited with its code
docker create --name job busybox sh -c 'echo started; exit 3'
docker ps -a --format '{{.Names}}|{{.Status}}|{{.State}}'
docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.ExitCode}} {{.State.StartedAt}}' job
docker start job
docker wait job
docker logs job
docker ps -a --format '{{.Names}}|{{.Status}}|{{.State}}'
docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.ExitCode}}' job
