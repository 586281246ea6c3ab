# a volume cannot be removed while any container (running or stopped) uses it
docker volume create keep
docker run -d --name holder -v keep:/data busybox sleep 300
docker volume rm keep
docker stop -t 0 holder
docker volume rm keep
docker rm holder
docker volume rm keep
docker volume ls -q
