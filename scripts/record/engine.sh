#!/usr/bin/env bash
# The engine scenarios are recorded against.
#
# A recording resets the engine to only busybox:latest before and after every scenario, so it
# must not share an engine with anything else running on the machine (a learner's containers,
# another test run). By default ("private") the recorder therefore uses its own Docker daemon:
# the same dockerd binary with its own data root, state directory and socket (mounted at the
# standard paths in a mount namespace of its own), started in a network namespace of its own (its own docker0 172.17.0.1/16, its own 127.0.0.1, no route out:
# nothing a scenario does can reach another address). LAYERLAB_ENGINE=shared records against
# the engine `docker` reaches by default instead (scripts/docker-up.sh makes that one ready).
#
# Settings (defaults in brackets): LAYERLAB_NETNS_NAME [layerlab-rec], LAYERLAB_PRIVATE_STATE
# [/run/layerlab-rec], LAYERLAB_PRIVATE_DATA_ROOT [/var/lib/layerlab-rec], LAYERLAB_PRIVATE_TMP
# [<data root>-tmp], LAYERLAB_PRIVATE_LOG [/tmp/layerlab-rec-dockerd.log]. A second engine
# beside the first needs its own name, state, data root and tmp.
#
# Usage: engine.sh up     start the private engine if it is not answering; build busybox:latest
#                         there if absent. Exit 0 when ready, 3 (reason on stderr) otherwise.
#        engine.sh down   stop the private daemon if this script started it; drop the namespace.
#        engine.sh env    print the variables that point clients and steps at the engine.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mode="${LAYERLAB_ENGINE:-private}"
netns="${LAYERLAB_NETNS_NAME:-layerlab-rec}"
data_root="${LAYERLAB_PRIVATE_DATA_ROOT:-/var/lib/layerlab-rec}"
state="${LAYERLAB_PRIVATE_STATE:-/run/layerlab-rec}"
socket="unix://$state/docker.sock"
pidfile="$state/dockerd.pid"
logfile="${LAYERLAB_PRIVATE_LOG:-/tmp/layerlab-rec-dockerd.log}"
tmp_root="${LAYERLAB_PRIVATE_TMP:-$data_root-tmp}"

fail() { echo "engine.sh: $*" >&2; exit 3; }

print_env() {
  if [ "$mode" = shared ]; then
    echo "LAYERLAB_NETNS="
    echo "LAYERLAB_MNTNS="
    return
  fi
  echo "DOCKER_HOST=$socket"
  echo "LAYERLAB_NETNS=/run/netns/$netns"
  echo "LAYERLAB_MNTNS=/proc/$(cat "$pidfile" 2>/dev/null)/ns/mnt"
}

answers() { DOCKER_HOST="$socket" docker info >/dev/null 2>&1; }

up_private() {
  if answers; then
    DOCKER_HOST="$socket" ensure_lab_image
    return
  fi
  [ "$(id -u)" -eq 0 ] || fail "the private engine needs root (or set LAYERLAB_ENGINE=shared)"
  local tool
  for tool in dockerd docker ip nsenter unshare setsid; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (scripts/docker-up.sh installs docker.io)"
  done
  if [ ! -e "/run/netns/$netns" ]; then
    ip netns add "$netns" || fail "cannot create network namespace $netns"
  fi
  nsenter --net="/run/netns/$netns" ip link set lo up || fail "cannot bring up lo in $netns"
  mkdir -p "$state/exec" "$data_root" "$tmp_root" /var/lib/docker /run/docker
  chmod 1777 "$tmp_root"
  # nsenter switches only the network namespace: mounts (cgroups, /sys) stay the host's.
  # In a mount namespace of its own, the daemon sees its data root and state directory at the
  # standard paths (/var/lib/docker, /var/run/docker), so that the paths it prints (volume
  # mount points, log and hosts files) are the ones any engine prints, and a /tmp/dsim of its
  # own, so that the working directory /tmp/dsim/work is the recorder's alone. Only /tmp/dsim
  # is private: the rest of /tmp stays visible, since the repository (its scenario files and
  # the recorder's own scripts) may itself live under /tmp. The steps run in this same mount
  # namespace (see `env`); everything else is the host's.
  nsenter --net="/run/netns/$netns" unshare --mount --propagation private sh -c '
    mount --bind "$1" /var/lib/docker && mount --bind "$2" /run/docker && mkdir -p /tmp/dsim && mount --bind "$5" /tmp/dsim &&
    exec setsid dockerd --data-root /var/lib/docker --exec-root /var/run/docker -H "$3" --pidfile "$4"
  ' sh "$data_root" "$state/exec" "$socket" "$pidfile" "$tmp_root" >"$logfile" 2>&1 </dev/null &
  local waited=0
  until answers; do
    if [ "$waited" -ge 60 ]; then
      tail -n 5 "$logfile" >&2
      fail "the private dockerd did not answer within 60 s (log: $logfile)"
    fi
    sleep 1
    waited=$((waited + 1))
  done
  DOCKER_HOST="$socket" ensure_lab_image
}

ensure_lab_image() {
  docker image inspect busybox:latest >/dev/null 2>&1 && return 0
  "$here/../lab/build-busybox.sh" busybox:latest >/dev/null || fail "building busybox:latest failed"
}

down_private() {
  if [ -s "$pidfile" ]; then
    local pid
    pid="$(cat "$pidfile")"
    if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dockerd ]; then
      kill -TERM "$pid"
      for _ in $(seq 1 30); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
      done
      kill -0 "$pid" 2>/dev/null && fail "the private dockerd (pid $pid) did not stop"
    fi
  fi
  [ -e "/run/netns/$netns" ] && ip netns del "$netns"
  return 0
}

case "${1:-}" in
  up)
    if [ "$mode" = shared ]; then
      docker info >/dev/null 2>&1 || fail "no engine answers 'docker info' (run scripts/docker-up.sh)"
      ensure_lab_image
    else
      up_private
    fi ;;
  down) [ "$mode" = shared ] || down_private ;;
  env) print_env ;;
  *) echo "usage: engine.sh up|down|env" >&2; exit 2 ;;
esac
