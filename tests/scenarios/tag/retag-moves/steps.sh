# tagging a name that exists moves it to the new image; the old one keeps its other tags
docker build -q -t app:1 .
docker tag app:1 app:stable
echo v2 > version.txt
docker build -q -t app:1 .
docker run --rm app:1 cat /version.txt
docker run --rm app:stable cat /version.txt
docker tag app:1 app:stable
docker run --rm app:stable cat /version.txt
docker images app --format '{{.Repository}}:{{.Tag}}' | sort
