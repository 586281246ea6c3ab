# import -c applies Dockerfile instructions (ENV, WORKDIR, CMD, ENTRYPOINT, LABEL) to the new image
docker run --name src busybox sh -c 'mkdir /data && echo payload > /data/file'
docker export src -o fs.tar
docker import -c 'ENV MODE=imported' -c 'WORKDIR /data' -c 'CMD ["cat", "file"]' -c 'LABEL from=import' fs.tar imp:1
docker run --rm imp:1
docker run --rm imp:1 sh -c 'echo $MODE; pwd'
docker image inspect -f '{{json .Config.Env}} {{.Config.WorkingDir}} {{json .Config.Labels}}' imp:1
docker import -c 'RUN echo no' fs.tar imp:2
