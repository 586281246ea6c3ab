# a stopped container also holds its image; removing the container frees it
docker build -q -t app:1 .
docker run --name ran app:1
docker rmi app:1
docker rm ran
docker rmi app:1
docker images app
