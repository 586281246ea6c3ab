# Legacy builder: the same substitutions as BuildKit
DOCKER_BUILDKIT=0 docker build -q -t sub:1 .
docker inspect -f '{{.Config.WorkingDir}}|{{json .Config.Labels}}|{{json .Config.ExposedPorts}}|{{.Config.User}}' sub:1
docker inspect -f '{{json .Config.Env}}' sub:1
docker run --rm -u 0 sub:1 sh -c 'ls /srv/app; cat /srv/app/out'
