# a host port already taken fails the second container at start
docker run -d --name first -p 8080:80 busybox sleep 300
docker run -d --name second -p 8080:80 busybox sleep 300 | wc -l
docker ps -a --format '{{.Names}} {{.Status}}'
docker run -d --name third -p 127.0.0.1:8080:80 busybox sleep 300 | wc -l
docker run -d --name fourth -p 127.0.0.1:8090:80 busybox sleep 300 | wc -l
docker run -d --name fifth -p 8090:80 busybox sleep 300 | wc -l
docker rm -f first second third fourth fifth
