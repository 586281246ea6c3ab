# docker run --rm removes the container's anonymous volumes, not named ones
docker run --rm -v /scratch busybox sh -c 'echo x > /scratch/f'
docker volume ls -q | wc -l
docker run --rm -v /scratch -v named:/named busybox true
docker volume ls -q
docker run --name keeper -v /scratch busybox true
docker volume ls -q | wc -l
docker rm keeper
docker volume ls -q | wc -l
