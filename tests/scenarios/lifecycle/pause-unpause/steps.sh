# pause freezes the processes: the status says (Paused), exec is refused, a second pause is an error
docker run -d --name frozen busybox sleep 300
docker pause frozen
docker ps --format '{{.Names}}|{{.Status}}|{{.State}}'
docker inspect -f '{{.State.Status}} {{.State.Paused}} {{.State.Running}}' frozen
docker exec frozen true
docker pause frozen
docker unpause frozen
docker unpause frozen
docker inspect -f '{{.State.Status}} {{.State.Paused}}' frozen
