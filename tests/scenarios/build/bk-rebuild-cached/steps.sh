# BuildKit: an unchanged rebuild is CACHED at every step and gives the same image ID
docker build -t again:1 .
docker build -t again:2 .
docker images --format '{{.ID}}' again | uniq | wc -l
