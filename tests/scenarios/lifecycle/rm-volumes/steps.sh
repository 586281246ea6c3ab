# rm -v also removes the container's anonymous volumes; named volumes stay
docker run --name withvol -v /data -v keep:/keep busybox sh -c 'echo x > /data/f'
docker volume ls -q | wc -l
docker volume ls -q | grep -c '^keep$'
docker rm -v withvol
docker volume ls -q
docker run --name withvol2 -v /data busybox true
docker rm withvol2
docker volume ls -q | wc -l
