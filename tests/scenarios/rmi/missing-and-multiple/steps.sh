# rmi of unknown images fails per name; known ones in the same call are still removed
docker tag busybox one:1
docker tag busybox two:2
docker rmi one:1 nosuch two:2
docker rmi nosuch:tag
docker rmi
docker images --format '{{.Repository}}:{{.Tag}}'
