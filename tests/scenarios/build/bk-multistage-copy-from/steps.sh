# BuildKit: a builder stage, COPY --from by name and by index, only the final stage's layers in the image
docker build -t ms:1 .
docker run --rm ms:1 cat /out/a /out/b
docker inspect -f '{{len .RootFS.Layers}}' ms:1
