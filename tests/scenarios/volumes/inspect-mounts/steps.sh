# inspect lists each mount with its type, source and mode
mkdir -p hostdir
docker run -d --name mnt -v named:/named -v /anon -v "$(pwd)/hostdir":/host:ro --tmpfs /t busybox sleep 300
docker inspect -f '{{range .Mounts}}{{if eq .Destination "/named"}}{{json .}}{{end}}{{end}}' mnt
docker inspect -f '{{range .Mounts}}{{if eq .Destination "/host"}}{{.Type}} {{.Source}} {{.Mode}} {{.RW}} {{.Propagation}}{{end}}{{end}}' mnt
docker inspect -f '{{range .Mounts}}{{if eq .Destination "/anon"}}{{.Type}} {{.Driver}} {{.Mode}} {{.RW}}{{end}}{{end}}' mnt
docker inspect -f '{{len .Mounts}} {{json .HostConfig.Tmpfs}}' mnt
docker rm -f mnt
