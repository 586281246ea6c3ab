# an empty named volume is filled with the image's content at the mount point on first use
docker build -q -t seeded .
docker run --rm -v seeded-data:/data seeded sh -c 'ls -l /data | cut -c1-42; stat -c "%a %n" /data'
docker run --rm -v seeded-data:/data busybox cat /data/config.txt
docker run --rm -v seeded-data:/data busybox sh -c 'echo changed > /data/config.txt'
docker run --rm -v seeded-data:/data seeded cat /data/config.txt
docker run --rm -v seeded-data:/data busybox ls /data
