# mount namespace: the container's / is the image plus its own layer; /proc /sys /dev are mounted
docker run --rm busybox ls /
docker run --rm busybox sh -c 'mount | grep -E " on /(proc|sys|dev) " | cut -d" " -f1,3,5'
docker run --rm busybox sh -c 'ls -la /.dockerenv | cut -c1-43'
