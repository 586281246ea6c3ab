# image prune -a removes every image no container uses, tagged or not
docker build -q -t app:1 .
docker tag busybox spare:1
docker create --name holder busybox
docker image prune -a -f | grep -c '^untagged:'
docker images --format '{{.Repository}}:{{.Tag}}' | sort
docker rm holder
