# BuildKit: an ARG declared in one stage is not visible in the next
docker build -q --build-arg X=given -t aps:1 .
docker run --rm aps:1 cat /one /two
