# even -f cannot delete an image by ID while a running container uses it
docker build -q -t app:1 .
docker run -d --name runner app:1 sleep 300
docker rmi -f $(docker images -q app:1)
docker rm -f runner
docker rmi -f $(docker images -q app:1) | wc -l
