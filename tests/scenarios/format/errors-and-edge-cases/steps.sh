# template errors: parse errors exit 64 for inspect, unknown fields are errors; println and empty templates
docker create --name edge busybox
docker inspect -f '{{.Name' edge
docker inspect -f '{{nofunc .Name}}' edge
docker ps -a --format '{{.Nope}}'
docker ps -a --format '{{.Names'
docker inspect -f '{{println .Name}}' edge | wc -l
docker inspect -f '' edge | head -2
docker inspect -f 'static text' edge
