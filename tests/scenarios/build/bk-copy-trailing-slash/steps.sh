# BuildKit: a destination without a trailing slash is a file name; with several sources it must be a directory
docker build -q -t ts:1 .
docker run --rm ts:1 sh -c 'stat -c "%n %F" /named /intodir /intodir/a.txt /w/rel'
docker build -q -t ts:2 -f Dockerfile.multi .
