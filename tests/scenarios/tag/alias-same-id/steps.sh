# a tag is another name for the same image ID
docker tag busybox mybox
docker tag busybox mybox:v1
docker images --format '{{.Repository}}:{{.Tag}}' | sort
docker images --format '{{.ID}}' | sort -u | wc -l
docker image inspect -f '{{json .RepoTags}}' mybox:v1
docker tag mybox:v1 mybox:v1
docker image inspect -f '{{len .RepoTags}}' busybox
