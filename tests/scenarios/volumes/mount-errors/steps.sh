# bad mount specifications are refused before the container is created
docker run --rm --mount type=bind,src=/nonexistent/dir,dst=/x busybox true
docker run --rm -v /data:relative busybox true
docker run --rm --mount type=volume,dst=relative busybox true
docker run --rm --mount type=volume,src=v busybox true
docker run --rm -v vol:/data -v vol2:/data busybox true
docker ps -aq | wc -l
