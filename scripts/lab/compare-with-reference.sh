#!/usr/bin/env bash
# Checks that scripts/lab/build-busybox.sh makes the same image as the reference lab
# script (/work/shared/lab/busybox/build.sh, or the path given as $1).
# Both are built under temporary tags, saved with `docker save`, and compared on:
#   - the verbose listing of every layer tar (type, mode, owner, size, mtime, name,
#     hard-link and symlink targets), with numeric owners;
#   - the layer diffIDs (RootFS.Layers), Config.Cmd, Config.Env and the history's CreatedBy.
# Prints "identical" and exits 0, or prints the differences and exits 1.
# busybox:latest is not touched.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
reference="${1:-/work/shared/lab/busybox/build.sh}"
own_tag='layerlab-labcheck:own'
ref_tag='layerlab-labcheck:reference'
scratch="$(mktemp -d)"
cleanup() {
  docker rmi -f "$own_tag" "$ref_tag" >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap cleanup EXIT

"$here/build-busybox.sh" "$own_tag" >/dev/null
bash "$reference" "$ref_tag" >/dev/null 2>&1

describe() { # tag outdir
  local tag="$1" out="$2"
  mkdir -p "$out/x"
  docker save "$tag" -o "$out/image.tar"
  tar -xf "$out/image.tar" -C "$out/x"
  local layer
  for layer in $(python3 -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))[0]["Layers"]))' "$out/x/manifest.json"); do
    tar --numeric-owner --full-time -tvf "$out/x/$layer"
  done >"$out/listing.txt"
  docker image inspect -f '{{json .RootFS.Layers}} {{json .Config.Cmd}} {{json .Config.Env}}' "$tag" >"$out/config.txt"
  docker history --no-trunc --format '{{.CreatedBy}}|{{.Size}}' "$tag" >"$out/history.txt"
}

describe "$own_tag" "$scratch/own"
describe "$ref_tag" "$scratch/ref"

status=0
for part in listing config history; do
  if ! diff -u "$scratch/ref/$part.txt" "$scratch/own/$part.txt"; then
    status=1
  fi
done
if [ "$status" -eq 0 ]; then
  echo "identical: $(wc -l <"$scratch/own/listing.txt") entries, layers $(cat "$scratch/own/config.txt" | cut -d' ' -f1)"
fi
exit "$status"
