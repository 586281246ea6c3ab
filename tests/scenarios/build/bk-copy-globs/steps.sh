# BuildKit: COPY with wildcards and several sources into a directory
docker build -q -t g:1 .
docker run --rm g:1 sh -c 'cd /dst && ls -R'
