# references must be lowercase and well formed; docker says why one is not
docker run --pull never Busybox true
docker run --pull never busybox: true
docker run --pull never 'busy box' true
docker run --pull never busybox:UPPER-tags-are-fine true
docker create --pull never -- -busybox
docker image inspect -f '{{.Id}}' 'BUSYBOX'
docker tag busybox 'x/'
