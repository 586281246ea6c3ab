# -t prefixes every line with an RFC 3339 timestamp with nanoseconds
docker run --name stamped busybox sh -c 'echo one; echo two'
docker logs -t stamped
docker logs -t stamped | cut -d' ' -f2
docker logs -t stamped | sed -E 's/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[.][0-9]{9}Z /<fixed 9-digit nanoseconds> /'
