# tag needs an existing source image and a valid target reference
docker tag nosuch newname
docker tag busybox 'Bad:tag'
docker tag busybox 'ok:bad tag'
docker tag busybox ok:-leadingdash
docker tag busybox
docker tag busybox a b
docker images --format '{{.Repository}}:{{.Tag}}'
