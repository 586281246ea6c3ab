# PID 1 with a TERM trap stops at once; without one docker stop waits for the timeout
docker run -d --name t1 busybox sh -c 'trap "echo got TERM; exit 3" TERM; while :; do sleep 1; done' > /dev/null
docker stop t1 > /dev/null
docker inspect -f '{{.State.ExitCode}}' t1
docker logs t1
docker rm t1 > /dev/null
