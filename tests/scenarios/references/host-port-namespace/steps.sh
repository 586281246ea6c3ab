# a registry host:port and several path components are kept; a pull would need that registry
docker tag busybox localhost:5000/team/sub/app:v1
docker run --rm --pull never localhost:5000/team/sub/app:v1 echo ok
docker run --rm --pull never localhost:5000/team/sub/app:v2 echo missing
docker run --rm --pull never localhost:5000/Team/app echo bad
docker images --format '{{.Repository}}:{{.Tag}}' | sort
docker rmi localhost:5000/team/sub/app:v1
