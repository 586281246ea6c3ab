# BuildKit: COPY --from an image that is not a stage
docker build -q -t cfi:1 .
docker run --rm cfi:1 ls -l /bb/busybox
