# save and load move an image with its tags; loading prints the loaded reference
docker build -q -t app:1 .
docker save -o app.tar app:1
docker rmi app:1 | head -1
docker load -i app.tar
docker run --rm app:1
docker load < app.tar
docker images app --format '{{.Repository}}:{{.Tag}}'
