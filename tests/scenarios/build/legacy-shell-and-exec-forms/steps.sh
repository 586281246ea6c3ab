# Legacy builder: shell and exec forms
DOCKER_BUILDKIT=0 docker build -q -t forms:1 .
docker inspect -f '{{json .Config.Cmd}} {{json .Config.Entrypoint}}' forms:1
docker run --rm forms:1
docker run --rm forms:1 cat /run-exec /run-shell
