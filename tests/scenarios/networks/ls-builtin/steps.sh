# a fresh engine has three networks: bridge, host and none
docker network ls
docker network ls --format '{{.Name}} {{.Driver}} {{.Scope}} {{.IPv6}} {{.Internal}}'
docker network ls -q | wc -l
docker network ls --filter driver=null --format '{{.Name}}'
docker network ls --filter type=builtin --format '{{.Name}}'
docker network ls --filter type=custom --format '{{.Name}}'
