# Legacy builder: a Dockerfile on stdin
DOCKER_BUILDKIT=0 docker build -t sd:1 - < Dockerfile
docker run --rm sd:1 cat /from-stdin
DOCKER_BUILDKIT=0 docker build -q -t sd:2 -f - . < Dockerfile.ctx
docker run --rm sd:2 cat /c.txt
