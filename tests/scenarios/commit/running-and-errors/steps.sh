# commit pauses a running container by default; unknown containers and bad names fail
docker run -d --name live busybox sh -c 'echo up > /state; sleep 300'
sleep 1
docker commit live snap:1
docker inspect -f '{{.State.Status}}' live
docker run --rm snap:1 cat /state
docker commit --pause=false live snap:2
docker commit nosuch img:1
docker commit live 'Bad:Name'
