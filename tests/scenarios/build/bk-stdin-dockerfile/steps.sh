# BuildKit: a Dockerfile on stdin, with no context or with -f - and a context
docker build -t sd:1 - < Dockerfile
docker run --rm sd:1 cat /from-stdin
docker build -q -t sd:2 -f - . < Dockerfile.ctx
docker run --rm sd:2 cat /c.txt
