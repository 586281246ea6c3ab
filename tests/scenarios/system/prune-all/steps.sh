# docker system prune: stopped containers, unused networks, dangling images and build cache in one go
docker build -q -t sp:1 . > /dev/null
docker run --name sp-stopped busybox true
docker run -d --name sp-running busybox sleep 60 > /dev/null
docker network create sp-net > /dev/null
docker run -v /data --name sp-anon busybox true
docker system prune -f | sed 's/[0-9a-f]\{64\}/<id>/; s/^[0-9a-z]\{25\}$/<cache-id>/' | uniq
docker ps -a --format '{{.Names}}'
docker network ls --format '{{.Name}}' | sort
docker volume ls -q | wc -l
docker system prune -af --volumes | grep -E '^(Deleted|Total|untagged|deleted)' | sed 's/: .*//' | sort | uniq -c
docker images --format '{{.Repository}}'
docker rm -f sp-running > /dev/null
