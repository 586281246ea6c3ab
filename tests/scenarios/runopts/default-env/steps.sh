# a container's default environment: PATH from the image, HOSTNAME, HOME
docker run --rm busybox env | sort | sed 's/^HOSTNAME=[0-9a-f]\{12\}$/HOSTNAME=<12 hex>/'
docker run --rm -u nobody busybox sh -c 'echo $HOME'
docker run --rm -e HOME=/custom busybox sh -c 'echo $HOME'
docker run --rm -e PATH=/bin busybox sh -c 'echo $PATH'
