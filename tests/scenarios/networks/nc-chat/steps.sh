# nc: a listener on one container receives what a client on the same network sends
docker network create --subnet 10.93.0.0/24 chat
docker run -d --name listener --network chat busybox nc -l -p 9000
sleep 1
docker run --rm --network chat busybox sh -c 'echo hello over tcp | nc -w 1 listener 9000'
sleep 1
docker logs listener
docker run --rm --network chat busybox nc -w 1 listener 9001
docker rm -f listener
