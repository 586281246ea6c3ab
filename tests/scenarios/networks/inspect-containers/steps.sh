# network inspect lists the connected containers with their addresses
docker network create --subnet 10.94.0.0/24 listed
docker run -d --name alpha --network listed busybox sleep 300
docker run -d --name beta --network listed busybox sleep 300
docker network inspect -f '{{range .Containers}}{{.Name}} {{.IPv4Address}} {{.MacAddress}}{{println}}{{end}}' listed | sort
docker network inspect -f '{{len .Containers}}' bridge listed
docker stop -t 0 beta
docker network inspect -f '{{range .Containers}}{{.Name}}{{end}}' listed
docker rm -f alpha beta
