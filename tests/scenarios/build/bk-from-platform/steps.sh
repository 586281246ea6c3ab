# BuildKit: FROM --platform and the TARGETPLATFORM/BUILDPLATFORM args
docker build -q -t pl:1 .
docker run --rm pl:1 cat /p
docker inspect -f '{{.Os}}/{{.Architecture}}' pl:1
