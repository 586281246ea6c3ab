# setuid bits show as s in ls -l and survive into the image
docker run --name su1 busybox sh -c 'cp /bin/busybox /tmp/bb && chmod 4755 /tmp/bb && ls -l /tmp/bb | cut -c1-10'
docker commit su1 su:1 > /dev/null
docker run --rm su:1 stat -c '%a %A' /tmp/bb
docker rm su1 > /dev/null
docker rmi su:1 > /dev/null
