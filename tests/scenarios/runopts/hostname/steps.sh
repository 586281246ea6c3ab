# the hostname defaults to the short container ID; -h sets it, also in /etc/hosts
docker run --name hn busybox hostname
docker inspect -f '{{.Config.Hostname}}' hn
docker run --rm -h myhost busybox hostname
docker run --rm --hostname myhost busybox sh -c 'grep -c myhost /etc/hosts; cat /etc/hostname'
docker run --rm -h 'bad host' busybox hostname
