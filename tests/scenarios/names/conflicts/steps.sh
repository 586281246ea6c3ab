# a name is taken by a container in any state until it is removed
docker run -d --name taken busybox sleep 300
docker run --name taken busybox true
docker rm -f taken
docker run --name taken busybox echo reused
docker create --name taken busybox
docker rename taken other
docker create --name taken busybox
docker ps -a --format '{{.Names}}'
