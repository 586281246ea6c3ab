# --pids-limit: forks past the limit fail with "can't fork" and the container stays alive
docker run -d --name pl --pids-limit 3 busybox sleep 60 > /dev/null
docker exec pl sh -c 'sleep 30 & sleep 30 & sleep 30 & wait' 2>&1 | head -3
docker inspect -f '{{.State.Status}} {{.HostConfig.PidsLimit}}' pl
docker rm -f pl > /dev/null
