# --format fields of docker ps: quoted Command, Labels, Label, Mounts, Ports, RunningFor, Networks
docker run -d --name fmt -l b=2 -l a=1 -v vol1:/v -p 8080:80 busybox sleep 300
docker ps --format '{{.Command}}|{{.Image}}|{{.Names}}'
docker ps --format '{{.Labels}}|{{.Label "a"}}|{{.Label "none"}}'
docker ps --format '{{.Mounts}}|{{.Ports}}|{{.Networks}}|{{.State}}'
docker ps --format '{{.RunningFor}}|{{.Status}}'
docker ps --format 'table {{.Names}}\t{{.Ports}}'
