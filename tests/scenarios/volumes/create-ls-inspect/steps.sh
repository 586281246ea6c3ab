# named volumes: create prints the name, ls lists them, inspect shows the local driver's mount point
docker volume create appdata
docker volume create appdata
docker volume ls
docker volume inspect appdata
docker volume inspect -f '{{.Name}} {{.Driver}} {{.Mountpoint}} {{.Scope}}' appdata
docker volume rm appdata
docker volume ls -q
