# Legacy builder: changes under a VOLUME path in a later RUN are discarded
DOCKER_BUILDKIT=0 docker build -q -t vr:1 .
docker run --rm vr:1 ls /data
