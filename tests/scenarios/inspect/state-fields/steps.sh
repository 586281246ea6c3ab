# inspect State: status, flags, exit code and times of a running and an exited container
docker run -d --name live busybox sleep 300
docker run --name ended busybox sh -c 'exit 2'
docker inspect -f '{{.State.Status}} running={{.State.Running}} paused={{.State.Paused}} restarting={{.State.Restarting}} oom={{.State.OOMKilled}} dead={{.State.Dead}} exit={{.State.ExitCode}} error={{.State.Error}}' live ended
docker inspect -f '{{gt .State.Pid 0}} {{.State.FinishedAt}}' live
docker inspect -f '{{.State.Pid}} {{eq .State.FinishedAt "0001-01-01T00:00:00Z"}}' ended
docker inspect -f '{{json .State}}' ended
