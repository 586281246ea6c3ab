# ps lists running containers; -a adds the others, -q prints IDs only, -l the latest, -n the last N
docker run --name first busybox true
docker run -d --name second busybox sleep 300
docker create --name third busybox
docker ps --format '{{.Names}}'
docker ps -a --format '{{.Names}}'
docker ps -q | wc -l
docker ps -aq | wc -l
docker ps -l --format '{{.Names}}'
docker ps -n 2 --format '{{.Names}}'
docker ps -n 0 --format '{{.Names}}'
