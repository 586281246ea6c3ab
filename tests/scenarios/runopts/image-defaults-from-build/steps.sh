# run options override what the image sets: CMD, ENTRYPOINT args, ENV, WORKDIR, USER
docker build -q -t defaults:1 .
docker run --rm defaults:1
docker run --rm defaults:1 extra args
docker run --rm -e GREETING=hi -w / -u root defaults:1
docker run --rm --entrypoint id defaults:1 -u
docker inspect -f '{{json .Config.Entrypoint}} {{json .Config.Cmd}} {{.Config.User}} {{.Config.WorkingDir}}' $(docker create defaults:1)
