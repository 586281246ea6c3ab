# --type chooses between a container and an image of the same name; image inspect shows image fields
docker create --name busybox busybox
docker inspect -f '{{.Name}}' busybox
docker inspect --type image -f '{{.Os}} {{.Architecture}} {{json .Config.Cmd}} {{.RootFS.Type}} {{len .RootFS.Layers}}' busybox
docker inspect --type container -f '{{.Name}}' busybox
docker container inspect -f '{{.Name}}' nosuch
docker image inspect -f '{{.Size}}' nosuch
docker inspect --type volume busybox
docker inspect --type nope busybox
