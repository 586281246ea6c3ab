# short flags combine (-dp, -it); a flag value may follow with or without a space or =
docker run -dp 8080:80 --name web busybox sleep 300
docker port web
docker run --rm -eA=1 -e B=2 --env C=3 --env=D=4 busybox sh -c 'echo $A $B $C $D'
docker run --rm --name=eqname busybox true
docker run --rm -w/tmp busybox pwd
docker run --rm -it busybox true
docker run --rm -t busybox echo tty | od -c | head -1
