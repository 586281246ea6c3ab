# -f templates: fields, index, range, len, json, printf and missing keys
docker run --name tpl -e A=1 -e B=2 -l x=1 busybox true
docker inspect -f '{{.Name}} {{.Config.Cmd}} {{.HostConfig.RestartPolicy}}' tpl
docker inspect -f '{{index .Config.Labels "x"}}' tpl
docker inspect -f '{{range .Config.Env}}{{println .}}{{end}}' tpl | sort
docker inspect -f '{{len .Config.Env}}' tpl
docker inspect -f '{{printf "%s has exit code %d" .Name .State.ExitCode}}' tpl
docker inspect -f '{{.Nope}}' tpl
docker inspect -f '{{.Config.Nope}}' tpl
docker inspect -f '{{.Name' tpl
