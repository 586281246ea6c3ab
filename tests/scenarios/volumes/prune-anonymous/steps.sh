# volume prune removes volumes no container uses (here all anonymous); in-use ones stay
docker run --name a1 -v /one busybox true
docker run --name a2 -v /two busybox true
docker rm a1
docker volume prune -f | sed 's/^[0-9a-f]\{64\}$/ID/'
docker volume ls -q | wc -l
docker rm -v a2
docker volume prune -f
