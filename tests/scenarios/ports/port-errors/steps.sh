# docker port errors: unknown container, unpublished port, bad protocol
docker run -d --name pub -p 8080:80 busybox sleep 300
docker port nosuch
docker port pub 81
docker port pub 80/sctp
docker port pub 80/xyz
docker port pub 80 81
docker rm -f pub
