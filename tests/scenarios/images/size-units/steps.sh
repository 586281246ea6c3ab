# sizes are decimal (1 kB = 1000 bytes), shown with 3 significant digits
docker build -q -t big:1 .
docker images --format '{{.Repository}} {{.Size}}' big
docker image inspect -f '{{.Size}}' big:1
docker history --format '{{.Size}}' big:1 | head -1
docker history -H=false --format '{{.Size}}' big:1 | head -1
