# a dd block larger than --memory is OOM-killed: exit 137 and OOMKilled true
docker run --name oom1 -m 8m busybox dd if=/dev/zero of=/dev/null bs=64M count=1
docker inspect -f '{{.State.ExitCode}} {{.State.OOMKilled}}' oom1
docker run --rm -m 8m busybox dd if=/dev/zero of=/dev/null bs=1M count=4
docker rm oom1 > /dev/null
