# -u sets the user by name or uid[:gid]; unknown names fail, unknown numbers are used as they are
docker run --rm -u nobody busybox id
docker run --rm -u 1234 busybox id
docker run --rm -u 1234:5678 busybox id
docker run --rm -u www-data:mail busybox id
docker run --rm -u nosuch busybox id
docker run --rm -u root:nosuchgroup busybox id
docker run --rm -u nobody busybox touch /root/x
