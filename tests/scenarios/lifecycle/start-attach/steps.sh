# start -a attaches to the container's output and exits with the container's exit code
docker create --name job busybox sh -c 'echo out; echo err >&2; exit 4'
docker start -a job
docker start -a job
docker logs job
docker ps -a --format '{{.Names}}|{{.Status}}'
