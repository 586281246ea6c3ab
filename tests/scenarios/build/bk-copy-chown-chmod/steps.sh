# BuildKit: COPY --chown and --chmod set owner and mode of the copied files
docker build -q -t cc:1 .
docker run --rm cc:1 sh -c 'stat -c "%n %u:%g %a" /a.txt /d /d/b.txt /c.txt'
