# connect and disconnect errors
docker network create --subnet 10.85.0.0/24 n1
docker run -d --name c1 --network n1 busybox sleep 300
docker network connect n1 c1
docker network connect nosuchnet c1
docker network connect n1 nosuchcontainer
docker network disconnect bridge c1
docker network disconnect nosuchnet c1
docker run -d --name hostc --network host busybox sleep 300
docker network connect n1 hostc
docker rm -f c1 hostc
