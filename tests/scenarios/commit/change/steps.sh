# commit -c applies Dockerfile instructions to the new image's config
docker run --name box busybox sh -c 'echo hi > /greeting'
docker commit -c 'CMD ["cat", "/greeting"]' -c 'ENV A=1' -c 'EXPOSE 8080' -c 'LABEL k=v' box changed:1
docker run --rm changed:1
docker image inspect -f '{{json .Config.Cmd}} {{json .Config.Env}} {{json .Config.ExposedPorts}} {{json .Config.Labels}}' changed:1
docker commit -c 'COPY x y' box bad:1
docker commit -c 'NOPE x' box bad:1
