# docker cp copies a file or a directory from the host into a container
mkdir -p dir/sub && echo hello > a.txt && echo deep > dir/sub/b.txt
docker create --name target busybox
docker cp a.txt target:/tmp/
docker cp dir target:/opt
docker cp a.txt target:/renamed.txt
docker export target | tar -t | grep -E '^(tmp/a.txt|opt/|opt/sub/|opt/sub/b.txt|renamed.txt)$' | sort
docker cp a.txt target:/nosuchdir/x/  # @nondeterministic-stderr
docker cp a.txt nosuch:/tmp/  # @nondeterministic-stderr
docker cp missing.txt target:/tmp/
