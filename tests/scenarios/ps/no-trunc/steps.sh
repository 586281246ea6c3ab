# --no-trunc prints full IDs and the whole command
docker run --name longcmd busybox sh -c 'echo this command is longer than twenty characters'
docker ps -a --format '{{.ID}}' | wc -c
docker ps -a --no-trunc --format '{{.ID}}' | wc -c
docker ps -a --format '{{.Command}}'
docker ps -a --no-trunc --format '{{.Command}}'
docker ps -aq --no-trunc | wc -c
