# a process killed by signal N exits 128+N, and sh names the signal; PID 1 ignores signals it has no handler for
docker run --rm busybox sh -c 'sleep 100 & kill -KILL $!; wait $!'
docker run --rm busybox sh -c 'sleep 100 & kill -TERM $!; wait $!'
docker run --rm busybox sh -c 'sleep 100 & kill -HUP $!; wait $!'
docker run --rm busybox sh -c 'sleep 100 & kill -USR1 $!; wait $!'
docker run --rm busybox sh -c 'kill -KILL $$; echo still alive'
