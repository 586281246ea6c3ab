# the committed layer holds the container's diff; committing an unchanged container adds an empty layer
docker run --name writer busybox dd if=/dev/zero of=/blob bs=1000 count=100
docker commit writer big:1
docker history --format '{{.Size}}' big:1 | head -1
docker create --name same busybox
docker commit same same:1
docker history --format '{{.Size}}' same:1 | head -1
docker image inspect -f '{{len .RootFS.Layers}}' big:1 same:1
