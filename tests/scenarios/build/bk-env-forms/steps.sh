# BuildKit: ENV in key=value form, several pairs, and the old 'ENV key value' form
docker build -q -t ef:1 .
docker inspect -f '{{range .Config.Env}}{{println .}}{{end}}' ef:1
docker history --format '{{.CreatedBy}}' ef:1 | head -3
