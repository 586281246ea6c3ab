# BuildKit: editing one RUN line rebuilds it and every later step, not the earlier ones
docker build -q -t r:1 .
sed -i 's/echo b/echo B/' Dockerfile
docker build -t r:2 .
docker run --rm r:2 cat /a /b /c
