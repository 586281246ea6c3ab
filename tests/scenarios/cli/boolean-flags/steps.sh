# boolean flags take =true or =false; a bare value after them is an argument
docker run --rm=true busybox echo removed
docker run -d=false --rm busybox echo attached
docker ps -a=false --format '{{.Names}}'
docker ps -a=maybe
docker run --rm --init=true busybox cat /proc/1/comm
