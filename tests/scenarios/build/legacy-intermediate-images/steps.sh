# Legacy builder: intermediate images appear in docker images -a and are parents of the result
DOCKER_BUILDKIT=0 docker build -q -t ii:1 .
docker images -a --format '{{.Repository}}:{{.Tag}}' | sort
docker image inspect -f '{{if .Parent}}has a parent{{else}}no parent{{end}}' ii:1
docker build -q -t ii:bk .
docker image inspect -f '{{if .Parent}}has a parent{{else}}no parent{{end}}' ii:bk
