# BuildKit: ADD of a local tar archive unpacks it; COPY does not
tar -cf app.tar -C src .
docker build -q -t at:1 .
docker run --rm at:1 sh -c 'ls -R /unpacked; ls /copied'
