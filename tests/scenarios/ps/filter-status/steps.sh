# --filter status= and exited= select by state; repeated keys are OR, different keys AND
docker run --name ok busybox true
docker run --name bad busybox sh -c 'exit 3'
docker run -d --name live busybox sleep 300
docker create --name fresh busybox
docker ps -a --filter status=exited --format '{{.Names}}'
docker ps -a --filter status=running --filter status=created --format '{{.Names}}'
docker ps -a --filter exited=3 --format '{{.Names}}'
docker ps -a --filter status=exited --filter name=ok --format '{{.Names}}'
docker ps -a --filter status=bogus
docker ps -a --filter nope=1
