# exec of a missing or non-executable command exits 126; a missing -w directory too
docker run -d --name box busybox sleep 300
docker exec box nosuchcmd
docker exec box /etc/passwd
docker exec -w /nope box pwd
docker exec box sh -c nosuchcmd
docker exec box sh -c 'exit 9'
