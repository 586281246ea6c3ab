# BuildKit: <Dockerfile>.dockerignore is used instead of .dockerignore for that Dockerfile
docker build -q -t dsi:1 -f app.Dockerfile .
docker run --rm dsi:1 ls /ctx
docker build -q -t dsi:2 .
docker run --rm dsi:2 ls /ctx
