# tail /dev/zero keeps growing a line in memory until the cgroup's OOM killer ends it
docker run --name oom2 -m 16m busybox tail /dev/zero
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.OOMKilled}}' oom2
docker rm oom2 > /dev/null
