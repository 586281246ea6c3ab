# two running containers share a named volume: one writes, the other reads
docker run -d --name writer -v shared:/shared busybox sh -c 'echo ready > /shared/flag; sleep 300'
sleep 1
docker run --rm -v shared:/data busybox cat /data/flag
docker exec writer sh -c 'echo more >> /shared/flag'
docker run --rm -v shared:/data busybox cat /data/flag
docker volume rm shared
docker rm -f writer
docker volume rm shared
