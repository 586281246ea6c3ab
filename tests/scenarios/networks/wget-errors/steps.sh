# wget's errors: refused connection, unknown host and a bad URL
docker network create --subnet 10.99.0.0/24 errnet
docker run -d --name quiet --network errnet busybox sleep 300
docker run --rm --network errnet busybox wget -qO- http://quiet/
docker run --rm --network errnet busybox wget -qO- http://nobody/
docker run --rm --network errnet busybox wget -qO- notaurl
docker run --rm --network errnet busybox wget -O- http://quiet:8080/
docker rm -f quiet
