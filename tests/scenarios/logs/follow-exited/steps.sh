# logs -f on an exited container prints everything and returns
docker run --name fin busybox sh -c 'echo a; echo b'
docker logs -f fin
docker logs --follow --tail 1 fin
