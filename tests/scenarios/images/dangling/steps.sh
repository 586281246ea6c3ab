# re-tagging a name leaves the old image dangling: <none>:<none> until pruned
docker build -q -t app:1 .
echo v2 > version.txt
docker build -q -t app:1 .
docker images --format '{{.Repository}}:{{.Tag}}' | sort
docker images --filter dangling=true --format '{{.Repository}}:{{.Tag}}|{{.Size}}'
docker images -f dangling=true -q | wc -l
