# classic-builder images record a parent; BuildKit images do not, so only the first refuses removal
DOCKER_BUILDKIT=0 docker build -q -t base:1 -f Dockerfile.base .
DOCKER_BUILDKIT=0 docker build -q -t child:1 .
docker rmi $(docker images -q base:1) 2>&1 | sed 's/[0-9a-f]\{12\}/<id>/g'
docker image inspect -f '{{if .Parent}}has a parent{{else}}no parent{{end}}' child:1
docker build -q -t bkbase:1 -f Dockerfile.bkbase .
docker build -q -t bkchild:1 -f Dockerfile.bkchild .
docker image inspect -f '{{if .Parent}}has a parent{{else}}no parent{{end}}' bkchild:1
docker rmi bkbase:1 | head -1
