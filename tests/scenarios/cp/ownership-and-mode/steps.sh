# copied files keep their mode; copied out of a container they belong to the host user
echo x > script.sh && chmod 755 script.sh
docker create --name target busybox
docker cp script.sh target:/script.sh
docker cp target:/etc/shadow ./shadow
stat -c '%a %U' shadow
docker run --rm busybox stat -c '%a' /etc/shadow
docker cp target:/script.sh ./back.sh
stat -c '%a' back.sh
