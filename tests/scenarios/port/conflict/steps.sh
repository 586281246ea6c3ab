# a host port can be published once: the second run prints its ID, fails with 125 and stays created
docker run -d --name first -p 8080:80 busybox sleep 300
docker run -d --name second -p 8080:80 busybox sleep 300
docker ps -a --format '{{.Names}}|{{.Status}}'
docker run -d --name third -p 99999:80 busybox sleep 300
docker run -d --name fourth -p 80:80:80 busybox sleep 300
