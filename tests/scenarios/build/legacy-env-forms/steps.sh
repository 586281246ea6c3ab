# Legacy builder: ENV forms and their #(nop) history lines
DOCKER_BUILDKIT=0 docker build -q -t ef:1 .
docker inspect -f '{{range .Config.Env}}{{println .}}{{end}}' ef:1
docker history --format '{{.CreatedBy}}' --no-trunc ef:1 | head -3
