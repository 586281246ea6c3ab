# docker top lists the container's processes as the host sees them; extra arguments go to ps
docker run -d --name box busybox sleep 300
docker top box
docker top box -o pid,comm
docker top box | awk 'NR>1 {print $1, $NF}'
