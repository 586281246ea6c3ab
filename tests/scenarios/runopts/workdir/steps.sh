# -w sets the working directory, creating it if needed; it must be absolute
docker run --rm -w /new/dir busybox pwd
docker run --rm -w /new/dir busybox stat -c '%A %U %G' /new/dir
docker run --rm -w relative busybox pwd
docker run --rm --workdir /etc busybox ls hostname
docker run --rm -w /etc/passwd busybox pwd
