# inspect prints a JSON array; unknown names print [] and an error, exit 1
docker create --name obj busybox echo hi
docker inspect obj | head -3
docker inspect obj | grep -c '"Id"'
docker inspect obj obj | grep -c '"Id"'
docker inspect nosuch
docker inspect obj nosuch | grep -c '"Name": "/obj"'
docker inspect -f '{{.Name}}' obj nosuch
