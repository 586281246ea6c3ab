# saving by ID loses the tag; saving several images keeps all tags
docker build -q -t app:1 .
docker tag app:1 app:2
docker save $(docker images -q app:1) -o byid.tar
docker save app:1 app:2 busybox -o multi.tar
docker rmi app:1 app:2 | head -2
docker load -i byid.tar | sed 's/[0-9a-f]\{64\}/<id>/'
docker images --filter dangling=true --format '{{.Repository}}:{{.Tag}}'
docker load -i multi.tar | sort
docker images --format '{{.Repository}}:{{.Tag}}' | sort
