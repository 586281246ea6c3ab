# a created container has empty logs; logs accumulate over restarts; unknown names fail
docker create --name quiet busybox echo run
docker logs quiet
docker start quiet
docker wait quiet
docker start quiet
docker wait quiet
docker logs quiet
docker logs nosuch
