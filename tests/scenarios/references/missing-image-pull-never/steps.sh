# with --pull never a missing image is an error instead of a download
docker run --pull never nosuch
docker run --pull never nosuch:1.0 echo
docker create --pull never team/nosuch
docker run --pull nope busybox true
docker ps -a --format '{{.Names}}'
