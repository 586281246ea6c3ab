# -p with only the container port takes free host ports from the ephemeral range
docker run -d --name r1 -p 80 busybox sleep 300
docker port r1 | sed 's/:[0-9]*$/:PORT/'
docker port r1 80 | head -1 | awk -F: '{ print ($2 >= 32768 && $2 <= 60999) ? "in the ephemeral range" : "outside" }'
docker run -d --name r2 -p 80 -p 81 -p 82 busybox sleep 300
docker port r2 | grep -v '\[::\]' | sort -t: -k2 -n | cut -d' ' -f1
docker port r2 | grep -c '\[::\]'
docker inspect -f '{{json .HostConfig.PortBindings}}' r2
docker rm -f r1 r2
