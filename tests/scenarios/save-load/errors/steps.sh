# save of an unknown image and load of something that is not an image archive fail
docker save nosuch -o x.tar
ls x.tar
echo not a tar > bad.tar
docker load -i bad.tar
docker load -i missing.tar
docker save busybox | tar -t | grep -c layer.tar
