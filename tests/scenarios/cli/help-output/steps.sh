# --help prints the command's usage to stdout and exits 0
docker stop --help
docker rm --help
docker rename --help
docker wait --help
docker help tag
