# name= matches a substring, label= a key or key=value, ancestor= the image, id= an ID prefix
docker run --name web-1 -l tier=front busybox true
docker run --name web-2 -l tier=back busybox true
docker run --name db -l tier=back -l backup busybox true
docker ps -a --filter name=web --format '{{.Names}}'
docker ps -a --filter name=^/web-1$ --format '{{.Names}}'
docker ps -a --filter label=tier=back --format '{{.Names}}'
docker ps -a --filter label=backup --format '{{.Names}}'
docker ps -a --filter ancestor=busybox --format '{{.Names}}' | wc -l
docker ps -a --filter id=$(docker inspect -f '{{.Id}}' db | cut -c1-8) --format '{{.Names}}'
