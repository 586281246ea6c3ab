# logs keeps stdout and stderr apart and replays each to the same stream
docker run --name both busybox sh -c 'echo to-out; echo to-err >&2; echo out-again'
docker logs both
docker logs both 2>/dev/null
docker logs both 2>&1 >/dev/null
