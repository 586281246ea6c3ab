# volume prune --filter label picks which unused volumes go
docker run --name a1 -v /one busybox true
docker run --name a2 -v /two busybox true
docker rm a1 a2
docker volume prune -f --filter label=nosuch
docker volume ls -q | wc -l
docker volume prune -f --filter label=com.docker.volume.anonymous | grep -c '^[0-9a-f]\{64\}$'
docker volume ls -q | wc -l
