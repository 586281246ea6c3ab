# image content is copied only into an empty volume, never over existing data
docker run --rm -v cfg:/cfg busybox sh -c 'echo mine > /cfg/mine.txt'
docker build -q -t seeded .
docker run --rm -v cfg:/cfg seeded ls /cfg
docker run --rm -v cfg2:/etc busybox sh -c 'ls /etc | head -3'
docker run --rm -v cfg2:/etc busybox test -f /etc/passwd
