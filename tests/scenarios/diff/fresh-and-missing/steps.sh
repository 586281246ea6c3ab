# a container that wrote nothing has an empty diff; mounts and /etc/hosts-style files do not show
docker run --name clean busybox true
docker diff clean | sort
docker run --name hostsed busybox sh -c 'echo 1.2.3.4 x >> /etc/hosts; echo n > /etc/hostname'
docker diff hostsed | sort
docker diff nosuch
