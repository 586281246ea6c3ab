# labels on volumes, and ls filters: label, name, driver, dangling
docker volume create --label team=web webdata
docker volume create --label team=db dbdata
docker volume create plain
docker volume inspect -f '{{json .Labels}}' webdata plain
docker volume ls -q --filter label=team
docker volume ls -q --filter label=team=db
docker volume ls -q --filter name=data
docker volume ls --filter driver=local --format '{{.Driver}}/{{.Name}}'
docker volume ls --format '{{.Name}} {{.Label "team"}}'
docker volume ls --filter nosuch=1
