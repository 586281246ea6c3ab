# inspect shows the default bridge address and the container's mounts
docker run -d --name net -v data:/data -v /anon busybox sleep 300
docker inspect -f '{{.NetworkSettings.IPAddress}} {{.NetworkSettings.Gateway}} {{.NetworkSettings.MacAddress}} {{.NetworkSettings.IPPrefixLen}}' net
docker inspect -f '{{range .Mounts}}{{.Type}} {{.Destination}} {{.RW}} {{.Driver}}{{println}}{{end}}' net | sort
docker inspect -f '{{range .Mounts}}{{if eq .Destination "/data"}}{{.Name}} {{.Source}}{{end}}{{end}}' net
docker inspect -f '{{.HostConfig.NetworkMode}} {{json .HostConfig.Binds}}' net
