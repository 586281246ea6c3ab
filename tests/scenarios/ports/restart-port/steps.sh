# a random host port is chosen afresh at every start; a fixed one stays
docker run -d --name rnd -p 80 busybox sleep 300
docker port rnd 80 | head -1 > before.txt
docker restart -t 0 rnd
test "$(docker port rnd 80 | head -1)" = "$(cat before.txt)" && echo same port || echo another port
docker run -d --name fixed -p 8080:80 busybox sleep 300
docker restart -t 0 fixed
docker port fixed
docker rm -f rnd fixed
