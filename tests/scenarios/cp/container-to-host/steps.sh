# docker cp copies out of a container, running or not; a missing path is an error
docker run --name src busybox sh -c 'mkdir -p /out/d && echo one > /out/one && echo two > /out/d/two'
docker cp src:/out/one ./one
cat one
docker cp src:/out ./copied
find copied | sort
docker cp src:/out/. ./contents
find contents | sort
docker cp src:/nosuch ./x
