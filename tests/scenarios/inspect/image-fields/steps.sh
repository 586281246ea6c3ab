# image inspect: tags, digests, parent, config and size of the lab image and of a built image
docker build -q -t app:1 .
docker image inspect -f '{{json .RepoTags}} {{json .RepoDigests}} {{.Parent}}' app:1
docker image inspect -f '{{json .Config.Env}} {{json .Config.Cmd}} {{json .Config.Labels}}' app:1
docker image inspect -f '{{.Size}} {{len .RootFS.Layers}}' app:1 busybox
docker image inspect -f '{{json .RepoTags}} {{.Comment}} {{.Author}}' busybox
