# -d prints the full container ID and returns; the output goes to the log
docker run -d --name bg busybox sh -c 'echo hello from the background'
docker wait bg
docker logs bg
docker ps -aq --no-trunc | wc -c
docker inspect -f '{{.Id}}' bg | cut -c1-12 | wc -c
