# Legacy builder: docker save of a built image holds the .wh. entries
DOCKER_BUILDKIT=0 docker build -q -t wh:1 .
docker save wh:1 -o wh.tar
for l in $(tar -tf wh.tar | grep -E 'layer.tar$|^blobs/sha256/[0-9a-f]+$'); do tar -xOf wh.tar $l | tar -t 2>/dev/null; done | grep '\.wh\.' | sort
