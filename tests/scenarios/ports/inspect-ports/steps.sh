# inspect shows the requested bindings and, while running, the bound ones
docker run -d --name pub -p 8080:80 -p 127.0.0.1::81 --expose 90 busybox sleep 300
docker inspect -f '{{json .HostConfig.PortBindings}}' pub
docker inspect -f '{{json .NetworkSettings.Ports}}' pub | sed 's/"3[0-9]\{4\}"/"PORT"/'
docker stop -t 0 pub
docker inspect -f '{{json .NetworkSettings.Ports}}' pub
docker inspect -f '{{json .Config.ExposedPorts}}' pub
docker rm pub
