# rm refuses a running container; rm -f kills and removes it; rm -f of a missing name still exits 0
docker run -d --name busy busybox sleep 300
docker rm busy
docker rm -f busy
docker rm -f busy
docker rm nosuch other
docker ps -a --format '{{.Names}}'
