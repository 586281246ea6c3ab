# BuildKit: WORKDIR creates and nests directories; USER changes who RUN runs as
docker build -q -t wu:1 .
docker run --rm wu:1 sh -c 'cat /tmp/who; pwd'
