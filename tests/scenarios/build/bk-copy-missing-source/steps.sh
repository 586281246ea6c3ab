# BuildKit: COPY of a file that is not in the context fails with a checksum error
docker build -t miss:1 .
docker images -q miss
