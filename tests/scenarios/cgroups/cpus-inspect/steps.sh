# --cpus and --cpu-shares are recorded in inspect (NanoCpus, CpuShares)
docker create --name cp1 --cpus 1.5 --cpu-shares 512 busybox true > /dev/null
docker inspect -f '{{.HostConfig.NanoCpus}} {{.HostConfig.CpuShares}} {{.HostConfig.CpuQuota}}' cp1
docker rm cp1 > /dev/null
docker run --rm --cpus 0 busybox true
docker run --rm --cpus -1 busybox true 2>&1 | sed 's/[0-9][0-9]*\.00/N.00/; s/only [0-9][0-9]* CPUs/only N CPUs/'
docker run --rm --cpus 1000 busybox true 2>&1 | sed 's/[0-9][0-9]*\.00/N.00/; s/only [0-9][0-9]* CPUs/only N CPUs/'
