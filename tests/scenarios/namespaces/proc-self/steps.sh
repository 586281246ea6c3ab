# /proc/self is the reading process; /proc/1 is the container's main process
docker run --rm busybox sh -c 'readlink /proc/self/exe; cat /proc/self/comm'
docker run --rm busybox sh -c 'cat /proc/1/status | grep -E "^(Name|Pid|PPid):"'
docker run --rm busybox cat /proc/self/cgroup
