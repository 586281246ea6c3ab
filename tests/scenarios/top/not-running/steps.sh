# top needs a running container
docker create --name made busybox
docker top made
docker top nosuch
docker run -d --name two busybox sh -c 'sleep 300 & sleep 301'
docker top two | awk 'NR>1 {print $(NF-1), $NF}' | sort
