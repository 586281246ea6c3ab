# restart stops and starts the same container: same ID, same writable layer, RestartCount stays 0
docker run -d --name again busybox sh -c 'echo run >> /runs; trap "exit 0" TERM; while true; do sleep 1; done'
sleep 1
docker restart -t 5 again
sleep 1
docker exec again cat /runs
docker inspect -f '{{.State.Status}} {{.RestartCount}}' again
docker restart nosuch
