# a network with running containers cannot be removed; stopped containers do not hold it
docker network create --subnet 10.70.0.0/24 busy
docker run -d --name inside --network busy busybox sleep 300
docker network rm busy
docker stop -t 0 inside
docker network rm busy
docker start inside
docker rm inside
