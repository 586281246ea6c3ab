# BuildKit: an ARG before FROM sets the base image, and is empty inside the stage unless declared again
docker build -q --build-arg BASE=busybox -t abf:1 .
docker run --rm abf:1 cat /seen
