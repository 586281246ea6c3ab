# --expose and EXPOSE only document ports: nothing is published
docker run -d --name exp --expose 80 busybox sleep 300
docker port exp
docker ps --format '{{.Names}} {{.Ports}}'
docker inspect -f '{{json .NetworkSettings.Ports}}' exp
docker rm -f exp
