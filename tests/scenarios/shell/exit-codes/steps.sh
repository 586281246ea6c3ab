# shell exit codes: 127 not found, 126 not executable, 2 syntax error
docker run --rm busybox sh -c 'nosuchcmd'
docker run --rm busybox sh -c 'echo x > /tmp/s; /tmp/s'
docker run --rm busybox sh -c 'if then'
docker run --rm busybox nosuchcmd
docker run --rm busybox /etc/passwd
