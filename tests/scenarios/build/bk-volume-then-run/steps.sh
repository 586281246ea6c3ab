# BuildKit: changes under a VOLUME path in a later RUN are kept
docker build -q -t vr:1 .
docker run --rm vr:1 ls /data
