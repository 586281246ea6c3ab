# a VOLUME instruction makes an anonymous volume filled from the image
docker build -q -t withvol .
docker run --name v1 withvol cat /var/lib/app/state
docker inspect -f '{{range .Mounts}}{{.Type}} {{.Destination}} {{.RW}}{{end}}' v1
docker volume ls -q | wc -l
docker run --rm -v named:/var/lib/app withvol cat /var/lib/app/state
docker volume ls -q | grep -c named
docker rm -v v1
docker volume ls -q
