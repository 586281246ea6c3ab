# applets this BusyBox build does not have fail as not found
docker run --rm busybox adduser -D bob
docker run --rm busybox printenv PATH
docker run --rm busybox sh -c 'bash -c true'
