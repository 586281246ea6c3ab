# with no containers, ps prints only the header; -q prints nothing
docker ps
docker ps -a
docker ps -q
docker ps -a --no-trunc
