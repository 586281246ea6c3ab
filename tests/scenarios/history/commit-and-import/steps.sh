# history records commit messages and import comments
docker run --name changer busybox sh -c 'echo changed > /changed.txt'
docker commit -m 'add changed.txt' changer committed:1
docker history --format '{{.CreatedBy}}|{{.Size}}|{{.Comment}}' committed:1
docker export changer | docker import -m 'flattened' - flat:1
docker history --format '{{.CreatedBy}}|{{.Size}}|{{.Comment}}' flat:1
