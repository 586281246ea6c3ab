# an image with several tags: rmi by tag only untags; rmi by ID needs -f
docker build -q -t app:1 .
docker tag app:1 app:2
docker tag app:1 other:latest
docker rmi app:2
docker rmi $(docker images -q app:1)
docker rmi -f $(docker images -q app:1)
docker images --format '{{.Repository}}:{{.Tag}}'
