# the backup pattern: tar a container's volume into the working directory, restore into a new volume
docker run -d --name db -v /data busybox sh -c 'echo row1 > /data/table.txt && sleep 300'
sleep 1
docker run --rm --volumes-from db -v "$(pwd)":/backup busybox tar cvf /backup/db.tar /data
ls db.tar
docker run --rm -v restored:/data -v "$(pwd)":/backup busybox sh -c 'cd / && tar xvf /backup/db.tar'
docker run --rm -v restored:/data busybox cat /data/table.txt
docker rm -f db
