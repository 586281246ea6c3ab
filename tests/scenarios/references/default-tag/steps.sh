# a reference without a tag means :latest; with an ID prefix it means that image
docker tag busybox mine
docker images mine --format '{{.Repository}}:{{.Tag}}'
docker run --rm --pull never mine echo tagged latest
docker run --rm --pull never mine:latest echo same
docker run --rm --pull never $(docker images -q busybox | cut -c1-6) echo by id prefix
docker rmi mine
docker images mine --format '{{.Repository}}:{{.Tag}}'
