# --tail N (or -n N) prints the last N lines; --tail all and 0 are accepted
docker run --name counter busybox seq 1 10
docker logs --tail 3 counter
docker logs -n 1 counter
docker logs --tail 0 counter
docker logs --tail all counter | wc -l
docker logs --tail -1 counter | wc -l
docker logs --tail x counter
