# a bind mount hides what the image has at that path
docker build -q -t seeded .
docker run --rm seeded ls /data
mkdir -p hostdir && echo from the host > hostdir/host.txt
docker run --rm -v "$(pwd)/hostdir":/data seeded ls /data
docker run --rm --mount type=bind,src="$(pwd)/hostdir",dst=/data seeded cat /data/host.txt
ls hostdir
