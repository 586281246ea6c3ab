# environment from -e and the image, with parameter expansion in the container's shell
docker run --rm -e NAME=world busybox sh -c 'echo "hello ${NAME:-nobody} ${#NAME} ${NAME%ld}"'
docker run --rm busybox sh -c 'echo ${UNSET:-default} $((6*7)) $(echo sub)'
docker run --rm busybox sh -c 'echo $PATH; echo $HOME; echo $HOSTNAME | wc -c'
docker run --rm -e A -e B=2 busybox env | grep -E '^(A|B)=' | sort
