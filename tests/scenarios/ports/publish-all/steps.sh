# -P publishes every exposed port (EXPOSE and --expose) on random host ports
docker build -q -t exposer .
docker run -d --name all -P exposer
docker port all | sed 's/:[0-9]*$/:PORT/'
docker run -d --name more -P --expose 9000 exposer
docker port more 9000 | sed 's/:[0-9]*$/:PORT/'
docker port more | wc -l
docker run -d --name none exposer
docker port none
docker rm -f all more none
