# arguments after the image go to the container, flags included; -- ends docker's own flags
docker run --rm busybox echo -n --rm -d
docker run --rm -- busybox echo after double dash
docker run --rm busybox -- echo hi
docker run --rm busybox sh -c 'echo "$0 $1"' first second
