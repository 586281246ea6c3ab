# commit makes an image of a container's changes; -m and -a are kept in history and inspect
docker run --name box busybox sh -c 'echo note > /note.txt'
docker commit -m 'add a note' -a 'Jane Doe <jane@example.com>' box noted:1
docker run --rm noted:1 cat /note.txt
docker image inspect -f '{{.Author}}|{{.Comment}}|{{json .Config.Cmd}}' noted:1
docker history --format '{{.CreatedBy}}|{{.Comment}}' noted:1 | head -1
docker commit box
docker images --filter dangling=true -q | wc -l
