# nocopy (or volume-nocopy) leaves a new volume empty instead of copying the image's content
docker build -q -t seeded .
docker run --rm -v empty1:/data:nocopy seeded ls -A /data
docker run --rm --mount type=volume,src=empty2,dst=/data,volume-nocopy seeded ls -A /data
docker run --rm -v full:/data seeded ls -A /data
docker run --rm -v empty1:/data seeded ls -A /data
