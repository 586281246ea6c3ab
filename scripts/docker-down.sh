#!/usr/bin/env bash
# Stops the Docker daemon that scripts/docker-up.sh started, and only that one:
# the pid comes from $LAYERLAB_DOCKERD_PIDFILE (default /tmp/layerlab-dockerd.pid) and must
# still name a running dockerd. A daemon that was already running before docker-up.sh is
# left alone. Exit 0 when nothing of ours is left running, 1 if the daemon would not stop.
set -uo pipefail
pidfile="${LAYERLAB_DOCKERD_PIDFILE:-/tmp/layerlab-dockerd.pid}"

if [ ! -s "$pidfile" ]; then
  echo "docker-down.sh: no daemon was started by docker-up.sh; nothing to stop" >&2
  exit 0
fi
pid="$(cat "$pidfile")"
case "$pid" in
  '' | *[!0-9]*) echo "docker-down.sh: $pidfile does not hold a pid; removing it" >&2; rm -f "$pidfile"; exit 0 ;;
esac
if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" != dockerd ]; then
  echo "docker-down.sh: pid $pid is no longer a dockerd; removing $pidfile" >&2
  rm -f "$pidfile"
  exit 0
fi

kill -TERM "$pid"
for _ in $(seq 1 30); do
  kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; echo "docker-down.sh: stopped dockerd (pid $pid)" >&2; exit 0; }
  sleep 1
done
echo "docker-down.sh: dockerd (pid $pid) did not stop within 30 s" >&2
exit 1
