# Legacy builder: the trailing-slash rule and the several-sources error
DOCKER_BUILDKIT=0 docker build -q -t ts:1 .
docker run --rm ts:1 sh -c 'stat -c "%n %F" /named /intodir /intodir/a.txt /w/rel'
DOCKER_BUILDKIT=0 docker build -q -t ts:2 -f Dockerfile.multi .
