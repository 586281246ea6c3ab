# network create with a subnet, gateway and labels; inspect shows the IPAM config
docker network create --subnet 10.50.0.0/24 --gateway 10.50.0.254 --label env=test labnet
docker network inspect labnet
docker network inspect -f '{{.Name}} {{.Driver}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}} {{.Labels.env}}' labnet
docker network ls --filter label=env=test --format '{{.Name}} {{.Driver}}'
docker network rm labnet
