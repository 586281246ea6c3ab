# a name needs two or more of [a-zA-Z0-9_.-], starting with a letter or digit; a leading / is dropped
docker run --name 'a b' busybox true
docker run --name x busybox true
docker run --name -x busybox true
docker run --name .hidden busybox true
docker run --name /slashed busybox true
docker run --name Caps.And_under-score9 busybox true
docker ps -a --format '{{.Names}}'
