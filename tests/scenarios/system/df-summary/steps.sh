# docker system df: images, containers, volumes and build cache, with what is reclaimable
docker system df
docker build -q -t dfimg:1 . > /dev/null
docker run --name dfc dfimg:1 sh -c 'dd if=/dev/zero of=/out bs=1024 count=100 2>/dev/null'
docker volume create dfvol > /dev/null
docker system df
docker system df --format '{{.Type}}|{{.TotalCount}}|{{.Active}}|{{.Size}}|{{.Reclaimable}}'
docker system df --format '{{json .}}' | head -1
docker rm dfc > /dev/null
docker system df --format '{{.Type}} {{.Active}} {{.Reclaimable}}'
