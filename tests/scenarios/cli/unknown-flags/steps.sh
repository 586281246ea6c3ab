# unknown flags are usage errors: exit 125 for run, create and the others
docker run --nope busybox
docker ps --nope
docker ps -z
docker images --all=maybe
docker rm -x c
docker run -d
docker create --memory nonsense busybox
