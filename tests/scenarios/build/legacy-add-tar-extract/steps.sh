# Legacy builder: ADD unpacks a local tar archive
tar -cf app.tar -C src .
DOCKER_BUILDKIT=0 docker build -q -t at:1 .
docker run --rm at:1 sh -c 'ls -R /unpacked; ls /copied'
