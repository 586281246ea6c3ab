# a stopped container gives its host port back; starting it again takes the port again
docker run -d --name srv-a -p 8080:80 busybox sleep 300
docker create --name srv-b -p 8080:80 busybox sleep 300
docker start srv-b
docker stop -t 0 srv-a
docker start srv-b
docker port srv-b
docker port srv-a
docker start srv-a
docker rm -f srv-a srv-b
