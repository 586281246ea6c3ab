# --rm and --restart conflict; unknown policies and bad retry counts are refused
docker run --rm --restart always busybox true
docker run --restart bogus busybox true
docker run --restart always:3 busybox true
docker run --restart on-failure:x busybox true
docker ps -a --format '{{.Names}}'
