# --entrypoint replaces the image's entrypoint; the arguments after the image become its Cmd
docker run --rm --entrypoint echo busybox hello from echo
docker run --name ep --entrypoint sh busybox -c 'echo via sh'
docker inspect -f '{{json .Config.Entrypoint}} {{json .Config.Cmd}}' ep
docker run --rm --entrypoint '' busybox echo empty entrypoint uses the command
docker run --rm --entrypoint 'echo hi' busybox
docker run --rm --entrypoint /nosuch busybox
