# errors for volumes that do not exist; rm -f ignores them
docker volume inspect nosuch
docker volume rm nosuch
docker volume rm -f nosuch
docker volume create one
docker volume rm one nosuch
docker volume ls -q
