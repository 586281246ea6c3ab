# ps --format fields .ID .Image .Command .CreatedAt .Status .State .Names in a custom table
docker run --name tbl busybox sh -c 'exit 1'
docker ps -a --format 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.CreatedAt}}\t{{.Status}}\t{{.State}}\t{{.Names}}'
docker ps -a --format '{{.CreatedAt}}' | sed 's/[0-9]/N/g'
