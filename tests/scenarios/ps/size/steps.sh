# -s adds the writable layer size and the virtual size (image + layer)
docker run --name empty busybox true
docker run --name writer busybox dd if=/dev/zero of=/blob bs=1024 count=1024
docker ps -a -s --format '{{.Names}}|{{.Size}}'
docker ps -a -s --format 'table {{.Names}}\t{{.Size}}'
