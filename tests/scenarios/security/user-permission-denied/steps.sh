# a non-root user cannot write root-owned places
docker run --rm -u nobody busybox sh -c 'touch /etc/x'
docker run --rm -u nobody busybox sh -c 'echo hi > /root/f'
docker run --rm -u nobody busybox sh -c 'touch /tmp/ok && ls -n /tmp/ok | cut -d" " -f1,3-4'
