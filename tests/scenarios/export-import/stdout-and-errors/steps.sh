# export writes a tar to stdout when not redirected with -o; unknown containers fail
docker create --name made busybox
docker export made | tar -t | grep -c '^bin/'
docker export made | tar -t | grep -E '^(\.dockerenv|etc/hostname|etc/hosts|etc/resolv.conf|dev/|proc/|sys/)$' | sort
docker export nosuch -o x.tar
docker import missing.tar
docker import fs.tar.gz
