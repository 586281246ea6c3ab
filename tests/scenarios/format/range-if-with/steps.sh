# range, if/else, with, eq/ne/lt and variables in templates
docker run --name ctl -e A=1 -l x=1 -l y=2 busybox true
docker inspect -f '{{range .Config.Env}}{{if eq . "A=1"}}found A{{end}}{{end}}' ctl
docker inspect -f '{{range $k, $v := .Config.Labels}}{{$k}}={{$v}};{{end}}' ctl
docker inspect -f '{{range $i, $e := .Config.Env}}{{$i}}:{{$e}} {{end}}' ctl
docker inspect -f '{{if .State.Running}}running{{else}}stopped with {{.State.ExitCode}}{{end}}' ctl
docker inspect -f '{{with .Config.Labels}}{{.x}}{{end}} {{with .Config.Entrypoint}}has entrypoint{{else}}no entrypoint{{end}}' ctl
docker inspect -f '{{if and (eq .State.ExitCode 0) (ne .Name "/x")}}ok{{end}} {{lt 1 2}} {{not true}} {{or "" "fallback"}}' ctl
