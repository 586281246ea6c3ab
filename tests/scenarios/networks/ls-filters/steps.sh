# network ls filters by name, label, driver and type
docker network create --subnet 10.95.0.0/24 --label tier=front web-net
docker network create --subnet 10.96.0.0/24 --label tier=back db-net
docker network ls --filter name=net --format '{{.Name}}' | sort
docker network ls --filter label=tier=back --format '{{.Name}}'
docker network ls --filter driver=bridge --format '{{.Name}}' | sort
docker network ls --filter type=custom -q | wc -l
docker network ls --format 'table {{.Name}}\t{{.Driver}}' --filter name=web
docker network ls --filter nosuch=x
