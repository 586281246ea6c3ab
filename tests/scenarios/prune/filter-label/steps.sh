# image prune --filter label= limits what is removed
docker build -q -t keep:1 --label keep=yes .
docker build -q -t drop:1 --label keep=no .
docker image prune -a -f --filter label=keep=no | grep '^untagged'
docker images --format '{{.Repository}}:{{.Tag}}' | sort
