# setting the hostname needs CAP_SYS_ADMIN, which containers lack unless privileged
docker run --rm busybox hostname newname
docker run --rm --cap-add SYS_ADMIN busybox sh -c 'hostname newname && hostname'
