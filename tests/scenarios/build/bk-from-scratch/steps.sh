# BuildKit: FROM scratch with only copied files
docker build -q -t sc:1 .
docker inspect -f '{{len .RootFS.Layers}} {{json .Config.Cmd}} {{json .Config.Env}}' sc:1
docker create --name s sc:1  # @nondeterministic
docker export s | tar -t | sort
