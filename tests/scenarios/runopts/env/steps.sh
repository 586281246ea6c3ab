# -e sets variables, -e NAME passes the host's value, --env-file reads NAME=value lines; the last one wins
docker run --rm -e A=1 -e A=2 busybox sh -c 'echo $A'
docker run --rm -e LC_ALL -e UNSET_ON_HOST busybox sh -c 'echo "[$LC_ALL] [${UNSET_ON_HOST-unset}]"'
docker run --rm --env-file env.list busybox env | grep -E '^(FROM_FILE|QUOTED|SPACED|EMPTY|LC_ALL)=' | sort
docker run --rm --env-file env.list -e FROM_FILE=overridden busybox sh -c 'echo $FROM_FILE'
docker run --rm --env-file nosuch.list busybox true
docker run --rm -e =x busybox true
