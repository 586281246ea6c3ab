# docker run exits 125 when docker itself fails, 126 when the command cannot run, 127 when it is not found
docker run --nope busybox
docker run --name notexec busybox /etc/passwd
docker run --name notfound busybox nosuchcmd
docker run --name viashell busybox sh -c nosuchcmd
docker run --name exit3 busybox sh -c 'exit 3'
docker ps -a --format '{{.Names}}|{{.Status}}'
docker inspect -f '{{.State.ExitCode}}|{{.State.Error}}' notfound viashell
