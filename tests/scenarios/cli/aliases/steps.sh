# management-command forms are aliases of the short ones
docker container create --name viaalias busybox
docker container ls -a --format '{{.Names}}'
docker container ps -a --format '{{.Names}}'
docker container list -a --format '{{.Names}}'
docker image ls --format '{{.Repository}}'
docker image list --format '{{.Repository}}'
docker container rm viaalias
docker container ls -a -q | wc -l
