# Legacy builder: every stage built in order, COPY --from by name and index
DOCKER_BUILDKIT=0 docker build -t ms:1 .
docker run --rm ms:1 cat /out/a /out/b
docker inspect -f '{{len .RootFS.Layers}}' ms:1
