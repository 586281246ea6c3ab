# network connect adds an interface (with an alias); disconnect takes it away
docker network create --subnet 10.83.0.0/24 net1
docker network create --subnet 10.84.0.0/24 net2
docker run -d --name app --network net1 busybox sleep 300
docker network connect --alias app-alias net2 app
docker exec app sh -c 'ip -4 addr | grep inet'
docker run --rm --network net2 busybox nslookup -type=a app-alias
docker network disconnect net2 app
docker exec app sh -c 'ip -4 addr | grep inet'
docker run --rm --network net2 busybox ping -c1 -W1 app-alias
docker rm -f app
