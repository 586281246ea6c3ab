# volume prune without --all keeps named volumes in current Docker (the 20.10 engine removes them)
docker volume create named1
docker run --name a1 -v /one busybox true
docker rm a1
docker volume prune -f | sed 's/^[0-9a-f]\{64\}$/ID/'
docker volume ls -q
