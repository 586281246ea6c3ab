# the predefined networks cannot be removed
docker network rm bridge
docker network rm host none
docker network rm nosuch
docker network inspect nosuch
docker network ls -q | wc -l
