# on-failure:2 restarts a failing container at most twice, then leaves it exited
docker run -d --name flaky --restart on-failure:2 busybox sh -c 'echo try; exit 1'
sleep 4
docker inspect -f '{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}} {{.HostConfig.RestartPolicy.Name}} {{.HostConfig.RestartPolicy.MaximumRetryCount}}' flaky
docker logs flaky
docker ps -a --format '{{.Names}}|{{.State}}'
