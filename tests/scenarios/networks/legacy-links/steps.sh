# --link (legacy) writes /etc/hosts entries and environment variables on the default bridge
docker run -d --name db busybox sleep 300
docker run --rm --name client --link db:database busybox sh -c 'tail -2 /etc/hosts | cut -f2'
docker run --rm --name client2 --link db busybox sh -c 'env | grep ^DB_'
docker run --rm --link db:database busybox ping -c1 -W1 database | head -1
docker run --rm --link nosuch:x busybox true
docker stop -t 0 db
docker run --rm --name late --link db:database busybox true
docker rm db
