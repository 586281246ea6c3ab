# rmi refuses an image a container uses; -f untags it, and the container keeps running on the untagged image
docker build -q -t work:1 .
docker run -d --name user work:1 sleep 300
docker rmi work:1
docker rmi -f work:1
docker images work
docker ps --format '{{.Names}}|{{.Image}}' | sed 's/|[0-9a-f]\{12\}$/|<short id>/'
docker inspect -f '{{.Config.Image}}' user
docker images --filter dangling=true -q | wc -l
