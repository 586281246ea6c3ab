# nc in a container listens on a published port; the host connects through it
docker run -d --name ncsrv -p 9000:9000 busybox sh -c 'echo greetings from nc | nc -l -p 9000'
sleep 1
docker run --rm --network host busybox nc 127.0.0.1 9000
docker rm -f ncsrv
