# the copied content keeps the image's modes and owners
docker build -q -t owned .
docker run --rm -v owned-data:/srv owned sh -c 'stat -c "%a %u:%g %n" /srv /srv/file'
docker run --rm -v owned-data:/srv busybox stat -c '%a %u:%g %n' /srv /srv/file
