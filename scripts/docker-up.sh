#!/usr/bin/env bash
# Makes a real Docker engine ready for recording and for the real-Docker tests:
#   1. installs docker.io and busybox-static when docker, dockerd or /bin/busybox are missing
#      (only as root with apt-get);
#   2. starts dockerd detached when no daemon answers `docker info`, and waits up to 60 s;
#   3. builds the lab image busybox:latest (scripts/lab/build-busybox.sh) when it is absent.
# Exit 0 when ready; exit 3 with the reason on stderr when it cannot be made ready.
# A daemon started here is recorded in $LAYERLAB_DOCKERD_PIDFILE (default
# /tmp/layerlab-dockerd.pid); scripts/docker-down.sh stops that daemon and no other.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
pidfile="${LAYERLAB_DOCKERD_PIDFILE:-/tmp/layerlab-dockerd.pid}"
logfile="${LAYERLAB_DOCKERD_LOG:-/tmp/layerlab-dockerd.log}"
wait_seconds="${LAYERLAB_DOCKERD_WAIT:-60}"
system_pidfile="${LAYERLAB_SYSTEM_DOCKERD_PIDFILE:-/var/run/docker.pid}"

fail() { echo "docker-up.sh: $*" >&2; exit 3; }
is_root() { [ "$(id -u)" -eq 0 ]; }

missing_tools() {
  local missing=()
  command -v docker >/dev/null 2>&1 || missing+=(docker)
  command -v dockerd >/dev/null 2>&1 || missing+=(dockerd)
  [ -x /usr/bin/docker ] || missing+=(/usr/bin/docker)
  [ -x /bin/busybox ] || missing+=(/bin/busybox)
  echo "${missing[*]:-}"
}

install_tools() {
  local missing
  missing="$(missing_tools)"
  [ -z "$missing" ] && return 0
  is_root || fail "missing $missing and not root, cannot install docker.io busybox-static"
  command -v apt-get >/dev/null 2>&1 || fail "missing $missing and apt-get is not available"
  echo "docker-up.sh: installing docker.io busybox-static (missing: $missing)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2 || fail "apt-get update failed"
  apt-get install -y docker.io busybox-static >&2 || fail "apt-get install docker.io busybox-static failed"
  missing="$(missing_tools)"
  [ -z "$missing" ] || fail "still missing after install: $missing"
}

daemon_answers() { docker info >/dev/null 2>&1; }

start_daemon() {
  daemon_answers && return 0
  is_root || fail "no Docker daemon answers 'docker info' and not root, cannot start dockerd"
  if [ -e "$system_pidfile" ] && kill -0 "$(cat "$system_pidfile" 2>/dev/null)" 2>/dev/null; then
    echo "docker-up.sh: a dockerd is already running (pid $(cat "$system_pidfile")); waiting for it" >&2
  else
    echo "docker-up.sh: starting dockerd (log: $logfile)" >&2
    setsid dockerd >"$logfile" 2>&1 </dev/null &
    echo "$!" >"$pidfile"
  fi
  local waited=0
  while ! daemon_answers; do
    if [ -s "$pidfile" ] && ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      rm -f "$pidfile"
      tail -n 20 "$logfile" >&2 2>/dev/null
      fail "dockerd exited during start-up (see $logfile)"
    fi
    [ "$waited" -ge "$wait_seconds" ] && fail "dockerd did not answer 'docker info' within ${wait_seconds}s (see $logfile)"
    sleep 1
    waited=$((waited + 1))
  done
  # setsid may have forked: record the daemon's own pid.
  if [ -s "$pidfile" ] && [ -s "$system_pidfile" ]; then
    local started
    started="$(cat "$pidfile")"
    if [ "$(cat "/proc/$started/comm" 2>/dev/null)" != dockerd ]; then
      cat "$system_pidfile" >"$pidfile"
    fi
  fi
}

ensure_lab_image() {
  docker image inspect busybox:latest >/dev/null 2>&1 && return 0
  echo "docker-up.sh: building the lab image busybox:latest" >&2
  "$here/lab/build-busybox.sh" busybox:latest >/dev/null || fail "building busybox:latest failed"
}

install_tools
start_daemon
ensure_lab_image
exit 0
