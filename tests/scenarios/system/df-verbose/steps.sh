# docker system df -v: one table per kind, with shared and unique sizes and the build cache records
docker build -q -t dfv:1 . > /dev/null
docker run --name dfv1 dfv:1 true
docker volume create dfvv > /dev/null
docker system df -v | grep -E 'space usage|cache usage|^VOLUME'
docker system df -v | grep -E '^(dfv|busybox) ' | awk '{print $1, $2, $(NF-3), $(NF-2), $(NF-1), $NF}'
docker system df -v | grep -E ' (regular|source.local) ' | awk '{print $2, $3, $(NF-1), $NF}' | sort
docker system df -v | grep -E '^dfvv '
