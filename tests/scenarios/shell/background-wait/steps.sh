# background jobs and wait inside a container
docker run --rm busybox sh -c 'sleep 1 & echo started; wait $!; echo "waited $?"'
docker run --rm busybox sh -c '(exit 7) & wait $!; echo $?'
docker run --rm busybox sh -c 'for i in 1 2 3; do echo $i & done; wait' | sort
