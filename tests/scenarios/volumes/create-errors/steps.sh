# volume names are checked, and the driver must exist
docker volume create 'bad name'
docker volume create a/b
docker volume create x
docker volume create --driver nosuchdriver y
docker volume create -d local z
docker volume ls -q
docker volume create one two
