# "table" adds a header row; \t separates columns, which tabwriter aligns
docker create --name one busybox
docker create --name a-longer-name busybox
docker ps -a --format 'table {{.Names}}\t{{.Image}}\t{{.State}}'
docker ps -a --format 'table {{.Names}}'
docker ps -a --format '{{.Names}}\t{{.State}}'
docker images --format 'table {{.Repository}}\t{{.Tag}}'
docker ps -a --format 'table'
