# BuildKit: ONBUILD triggers are stored in the base image and run in a child build
docker build -q -t obbase:1 -f Dockerfile.base .
docker inspect -f '{{json .Config.OnBuild}}' obbase:1
docker build -t obchild:1 .
docker run --rm obchild:1 cat /trigger /child.txt
docker inspect -f '{{json .Config.OnBuild}}' obchild:1
