# files written to a volume or a tmpfs are not in the container's diff; those in the layer are
docker run --name vol -v /data busybox sh -c 'touch /data/in-volume /tmp/in-layer'
docker diff vol | sort
docker run --name tmpfs --tmpfs /scratch busybox sh -c 'touch /scratch/in-tmpfs /root/in-layer'
docker diff tmpfs | sort
docker run --name ro --read-only busybox true
docker diff ro | sort
