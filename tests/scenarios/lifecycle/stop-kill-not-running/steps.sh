# stop of a stopped container succeeds quietly; kill of one is an error; both fail on unknown names
docker run --name done busybox true
docker stop done
docker kill done
docker stop nosuch
docker kill nosuch
docker kill -s NOPE done
docker ps -a --format '{{.Names}}|{{.Status}}'
