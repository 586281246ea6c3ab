# {{json}} prints a value as JSON, {{json .}} the whole object
docker run --name jj -e A=1 -l k=v busybox true
docker inspect -f '{{json .Config.Env}}' jj
docker inspect -f '{{json .Config.Labels}}' jj
docker inspect -f '{{json .State.ExitCode}} {{json .Name}} {{json .Config.Entrypoint}}' jj
docker ps -a --format '{{json .Names}}'
docker ps -a --format '{{json .}}' | sed 's/"[A-Z][A-Za-z]*":/\n&/g' | grep -o '^"[A-Za-z]*"' | tr '\n' ' '
docker images --format '{{json .}}' | sed 's/"[A-Z][A-Za-z]*":/\n&/g' | grep -o '^"[A-Za-z]*"' | tr '\n' ' '
