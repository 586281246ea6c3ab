# rm -v removes anonymous volumes only; named ones and ones still used elsewhere stay
docker run --name ctr-a -v /anon -v named:/named busybox true
docker volume ls -q | wc -l
docker rm -v ctr-a
docker volume ls -q
docker run --name ctr-b -v /anon busybox true
docker run --name ctr-c --volumes-from ctr-b busybox true
docker rm -v ctr-b
docker volume ls -q | wc -l
docker rm -v ctr-c
docker volume ls -q | wc -l
