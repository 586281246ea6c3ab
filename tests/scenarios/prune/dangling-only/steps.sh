# image prune removes only dangling images by default
docker build -q -t app:1 .
echo v2 > version.txt
docker build -q -t app:1 .
docker image prune -f | sed 's/sha256:[0-9a-f]*/sha256:<id>/'
docker images --format '{{.Repository}}:{{.Tag}}' | sort
docker image prune -f
