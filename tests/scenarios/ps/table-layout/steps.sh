# the default table: columns widen to their longest cell, COMMAND is quoted and cut at 20 characters
docker run --name short busybox true
docker run -d --name a-much-longer-name busybox sh -c 'echo a long command line that will be truncated; sleep 300'
docker create --name made busybox
docker ps -a
docker ps
docker ps --no-trunc --format '{{.Command}}'
