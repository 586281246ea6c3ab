# BuildKit: a --build-arg no instruction declares is ignored
docker build --build-arg NOPE=1 -t ua:1 .
docker run --rm ua:1 sh -c 'echo "[$NOPE]"'
