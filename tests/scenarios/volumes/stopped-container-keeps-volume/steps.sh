# a stopped container still holds its volumes: prune and rm leave them until the container goes
docker run --name holder -v kept:/data busybox sh -c 'echo x > /data/f'
docker run --name anonholder -v /anon busybox true
docker volume prune -f
docker volume rm kept
docker rm holder anonholder
docker volume rm kept
