# a link to a container with exposed ports adds the <ALIAS>_PORT_* variables
docker build -q -t exposing .
docker run -d --name svc exposing
docker run --rm --name client --link svc:svc busybox sh -c 'env | grep ^SVC_ | sort'
docker rm -f svc
