# docker exec joins the container's namespaces: it sees PID 1 and gets the next PID
docker run -d --name pj busybox sleep 60 > /dev/null
docker exec pj ps -o pid,comm
docker exec pj sh -c 'echo $$'
docker rm -f pj > /dev/null
