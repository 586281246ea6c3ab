# BuildKit: --no-cache runs every step again
docker build -q -t nc:1 .
docker build --no-cache -t nc:2 .
