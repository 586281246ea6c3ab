# --volumes-from mounts another container's volumes at the same paths
docker run --name store -v /anon -v shared:/shared busybox sh -c 'echo a > /anon/f && echo s > /shared/f'
docker run --rm --volumes-from store busybox sh -c 'cat /anon/f /shared/f'
docker run --rm --volumes-from store busybox sh -c 'echo added > /anon/g'
docker run --rm --volumes-from store busybox cat /anon/g
docker run --rm --volumes-from store:ro busybox touch /shared/x
docker run --rm --volumes-from nosuch busybox true
docker inspect -f '{{len .Mounts}}' store
