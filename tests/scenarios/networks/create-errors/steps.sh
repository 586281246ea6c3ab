# network create refuses duplicate names, overlapping subnets and bad addresses
docker network create --subnet 10.60.0.0/24 first
docker network create first
docker network create --subnet 10.60.0.128/25 second
docker network create --subnet 10.61.0.0/33 third
docker network create --subnet 10.62.0.0/24 --gateway 10.63.0.1 fourth
docker network create --driver nosuch fifth
docker network create --subnet 172.17.5.0/24 sixth
docker network ls --format '{{.Name}}' | sort
