# the embedded DNS answers container names, aliases, short IDs and hostnames
docker network create --subnet 10.80.0.0/24 dnsnet
docker run -d --name db --hostname dbhost --network dnsnet --network-alias database busybox sleep 300
docker run --rm --network dnsnet busybox nslookup -type=a db
docker run --rm --network dnsnet busybox nslookup -type=a database
docker run --rm --network dnsnet busybox nslookup -type=a dbhost
docker run --rm --network dnsnet busybox nslookup -type=a "$(docker inspect -f '{{.Id}}' db | cut -c1-12)" | tail -2 | cut -d' ' -f2
docker run --rm --network dnsnet busybox nslookup -type=a db.dnsnet
docker run --rm --network dnsnet busybox nslookup -type=a nosuchname
docker rm -f db
