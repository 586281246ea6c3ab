# wait blocks until each container stops and prints its exit code
docker run -d --name w1 busybox sh -c 'sleep 1; exit 3'
docker run -d --name w2 busybox sh -c 'exit 5'
docker wait w1 w2
docker wait w1
docker wait nosuch
docker create --name w3 busybox
docker ps -a --format '{{.Names}}|{{.Status}}'
