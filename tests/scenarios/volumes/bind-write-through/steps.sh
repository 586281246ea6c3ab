# writes in a bind mount land on the host, and host files are visible inside
mkdir -p shared && echo hello > shared/in.txt
docker run --rm -v "$(pwd)/shared":/shared busybox sh -c 'cat /shared/in.txt && echo reply > /shared/out.txt'
cat shared/out.txt
docker run --rm -v "$(pwd)/shared":/shared busybox ls /shared
docker run --rm -v "$(pwd)/newdir":/x busybox sh -c 'echo made > /x/f'
cat newdir/f
