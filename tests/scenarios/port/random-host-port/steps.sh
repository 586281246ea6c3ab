# -p with only the container port picks a free host port; -P publishes every EXPOSEd port
docker build -q -t exposer .
docker run -d --name rnd -p 80 busybox sleep 300
docker port rnd | sed 's/:[0-9]*$/:PORT/'
docker run -d --name all -P exposer
docker port all | sed 's/:[0-9]*$/:PORT/' | sort
docker inspect -f '{{json .Config.ExposedPorts}}' all
