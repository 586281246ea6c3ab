# BuildKit: shell-form CMD/ENTRYPOINT wrap in /bin/sh -c, exec forms do not
docker build -q -t forms:1 .
docker inspect -f '{{json .Config.Cmd}} {{json .Config.Entrypoint}}' forms:1
docker run --rm forms:1
docker run --rm forms:1 cat /run-exec /run-shell
