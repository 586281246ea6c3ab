#!/usr/bin/env bash
# Resets the Docker engine to the recording baseline: only busybox:latest (and the untagged
# parent images it is built on). Removes every container (with its anonymous volumes), every
# other image and tag, every volume, every user-defined network and the build cache.
#
# When a scenario untagged or re-pointed busybox:latest, the tag is put back on the image
# saved in $LAYERLAB_LAB_IMAGE_ID_FILE (written by `reset-engine.sh --remember`); when that
# image is gone too, the lab image is rebuilt.
# Exit 0 when the engine is at the baseline; 1 (with what is left on stderr) otherwise.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
client="${LAYERLAB_DOCKER_CLIENT:-/usr/local/bin/docker}"
buildkit_client="${LAYERLAB_DOCKER_BUILDKIT_CLIENT:-/usr/bin/docker}"
id_file="${LAYERLAB_LAB_IMAGE_ID_FILE:-/tmp/layerlab-lab-image.id}"
lab_ref='busybox:latest'

d() { "$client" "$@"; }
quiet() { "$@" >/dev/null 2>&1; }

lab_id() { d image inspect -f '{{.Id}}' "$lab_ref" 2>/dev/null; }

# The lab image and its parents: images the baseline keeps.
keep_ids() {
  local id
  id="$(lab_id)" || return 0
  while [ -n "$id" ]; do
    echo "$id"
    id="$(d image inspect -f '{{.Parent}}' "$id" 2>/dev/null)" || break
  done
}

remove_containers() {
  local ids
  ids="$(d ps -aq --no-trunc)"
  [ -z "$ids" ] && return 0
  # shellcheck disable=SC2086
  quiet d unpause $(d ps -q --no-trunc --filter status=paused)
  # shellcheck disable=SC2086
  quiet d rm -f -v $ids
}

restore_lab_tag() {
  local want current
  want="$(cat "$id_file" 2>/dev/null)"
  current="$(lab_id)"
  [ -n "$want" ] && [ "$current" = "$want" ] && return 0
  if [ -n "$want" ] && quiet d image inspect "$want"; then
    quiet d tag "$want" "$lab_ref" && return 0
  fi
  [ -n "$current" ] && return 0
  echo "reset-engine.sh: busybox:latest is gone; rebuilding it" >&2
  "$here/../lab/build-busybox.sh" "$lab_ref" >/dev/null || return 1
  lab_id >"$id_file"
}

remove_images() {
  local keep ref id round
  keep="$(keep_ids)"
  # Other tags first (untagging never deletes the lab image's content).
  while read -r ref; do
    [ -z "$ref" ] || [ "$ref" = "$lab_ref" ] && continue
    quiet d rmi -f "$ref"
  done < <(d images --format '{{.Repository}}:{{.Tag}}' | grep -v '<none>')
  # Then every image that is not the lab image or one of its parents (children before parents).
  for round in 1 2 3 4; do
    local left=0
    while read -r id; do
      [ -z "$id" ] && continue
      grep -qx "$id" <<<"$keep" && continue
      left=1
      quiet d rmi -f "$id"
    done < <(d images -a -q --no-trunc | sort -u)
    [ "$left" -eq 0 ] && break
  done
}

remove_volumes() {
  local names
  names="$(d volume ls -q)"
  # shellcheck disable=SC2086
  [ -n "$names" ] && quiet d volume rm -f $names
  return 0
}

remove_networks() {
  local name
  while read -r name; do
    case "$name" in '' | bridge | host | none) continue ;; esac
    quiet d network rm "$name"
  done < <(d network ls --format '{{.Name}}')
}

remove_build_cache() {
  quiet env DOCKER_BUILDKIT=1 "$buildkit_client" builder prune -a -f
}

check_baseline() {
  local problems=() keep
  [ -n "$(d ps -aq)" ] && problems+=("containers: $(d ps -aq | tr '\n' ' ')")
  keep="$(keep_ids)"
  [ -z "$keep" ] && problems+=("busybox:latest is missing")
  local extra
  extra="$(d images -a -q --no-trunc | sort -u | grep -vxF "${keep:-none}" | tr '\n' ' ')"
  [ -n "$extra" ] && problems+=("images: $extra")
  local tags
  tags="$(d images --format '{{.Repository}}:{{.Tag}}' | grep -vx "$lab_ref" | tr '\n' ' ')"
  [ -n "$tags" ] && problems+=("tags: $tags")
  [ -n "$(d volume ls -q)" ] && problems+=("volumes: $(d volume ls -q | tr '\n' ' ')")
  local nets
  nets="$(d network ls --format '{{.Name}}' | grep -vxE 'bridge|host|none' | tr '\n' ' ')"
  [ -n "$nets" ] && problems+=("networks: $nets")
  if [ "${#problems[@]}" -gt 0 ]; then
    printf 'reset-engine.sh: not at baseline: %s\n' "${problems[@]}" >&2
    return 1
  fi
}

if [ "${1:-}" = --remember ]; then
  id="$(lab_id)" || { echo "reset-engine.sh: busybox:latest is missing" >&2; exit 1; }
  echo "$id" >"$id_file"
  exit 0
fi

remove_containers
restore_lab_tag || exit 1
remove_images
remove_volumes
remove_networks
remove_build_cache
check_baseline
