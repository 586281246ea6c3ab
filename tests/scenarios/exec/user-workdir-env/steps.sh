# exec -u, -w and -e set the user, directory and environment of the new process only
docker run -d --name box -e FROM_RUN=1 busybox sleep 300
docker exec box id
docker exec -u nobody box id
docker exec -u 1234:5678 box id
docker exec -w /tmp box pwd
docker exec -e EXTRA=2 box sh -c 'echo $FROM_RUN $EXTRA'
docker exec box sh -c 'echo ${EXTRA:-unset}; pwd'
docker exec -u nosuch box id
