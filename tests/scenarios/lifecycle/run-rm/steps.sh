# --rm removes the container once it exits, whatever its exit code
docker run --rm --name gone busybox sh -c 'echo bye; exit 2'
docker ps -a --format '{{.Names}}'
docker inspect -f '{{.Name}}' gone
docker run -d --rm --name gone2 busybox sh -c 'sleep 1'
sleep 3
docker ps -a --format '{{.Names}}'
