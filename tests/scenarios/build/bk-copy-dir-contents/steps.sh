# BuildKit: copying a directory copies its contents, not the directory itself
docker build -q -t dc:1 .
docker run --rm dc:1 sh -c 'ls -R /app /other'
