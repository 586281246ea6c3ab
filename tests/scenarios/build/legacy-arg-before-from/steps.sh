# Legacy builder: ARG before FROM, and the default value coming back with a bare ARG in the stage
DOCKER_BUILDKIT=0 docker build -q --build-arg BASE=busybox -t abf:1 .
docker run --rm abf:1 cat /seen
