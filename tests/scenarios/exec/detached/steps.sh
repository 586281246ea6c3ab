# exec -d starts the process in the background and returns at once
docker run -d --name box busybox sleep 300
docker exec -d box sh -c 'sleep 1; echo done > /tmp/flag'
docker exec box cat /tmp/flag
sleep 2
docker exec box cat /tmp/flag
