# BuildKit: a two-step build, its plain progress and the image it makes
docker build -t basic:1 .
docker run --rm basic:1 cat /hello.txt
docker images --format '{{.Repository}}:{{.Tag}}' basic
