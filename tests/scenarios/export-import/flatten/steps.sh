# export + import flattens an image: one layer, history gone, no CMD
docker build -q -t layered:1 .
docker create --name flat layered:1
docker export flat | docker import - flat:1
docker image inspect -f '{{len .RootFS.Layers}}' layered:1 flat:1
docker image inspect -f '{{json .Config.Cmd}}' flat:1
docker run --rm flat:1 cat /one /two
