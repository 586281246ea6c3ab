#!/usr/bin/env bash
# Records golden transcripts of scenarios against the real Docker engine.
# Usage: scripts/record-goldens.sh [--out DIR] [scenario-dir...]
#   scenario-dir   a folder <topic>/<name>/ holding steps.sh (+ files/); default: every
#                  scenario under tests/scenarios/
#   --out DIR      where <topic>__<name>.jsonl goes (default tests/goldens)
# Per scenario: engine reset to only busybox:latest; /tmp/dsim/work made a fresh copy of files/
# with every mtime 2024-01-01T00:00:00Z; each step run by its own `bash -c` (see
# scripts/record/run-steps.mjs); engine reset again. Transcripts are raw (not normalised).
# The engine is scripts/record/engine.sh's: a private daemon in its own network namespace,
# started for the run and stopped after it (LAYERLAB_KEEP_ENGINE=1 keeps it running), or with
# LAYERLAB_ENGINE=shared the default engine. Exit 1 if a scenario could not be recorded.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
record="$repo/scripts/record"
out_dir="$repo/tests/goldens"
work="${LAYERLAB_WORK_DIR:-/tmp/dsim/work}"
node_bin="${LAYERLAB_NODE:-node}"

scenarios=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out_dir="$2"; shift 2 ;;
    --out=*) out_dir="${1#--out=}"; shift ;;
    -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) scenarios+=("$1"); shift ;;
  esac
done
if [ "${#scenarios[@]}" -eq 0 ]; then
  while read -r steps; do scenarios+=("$(dirname "$steps")"); done \
    < <(find "$repo/tests/scenarios" -mindepth 3 -maxdepth 3 -name steps.sh | sort)
fi
mkdir -p "$out_dir"

# One recording at a time: every scenario resets the engine.
exec 9>"${LAYERLAB_RECORD_LOCK:-/tmp/layerlab-record.lock}"
flock 9

# The engine (see scripts/record/engine.sh: a private daemon by default).
started_engine=0
if [ "${LAYERLAB_ENGINE:-private}" != shared ] && ! DOCKER_HOST="$("$record/engine.sh" env | sed -n 's/^DOCKER_HOST=//p')" docker info >/dev/null 2>&1; then
  started_engine=1
fi
"$record/engine.sh" up 9>&- || { echo "record-goldens.sh: no engine to record against" >&2; exit 1; }
while IFS='=' read -r key value; do
  [ -n "$key" ] && export "$key=$value"
done < <("$record/engine.sh" env)
stop_engine() {
  if [ "$started_engine" -eq 1 ] && [ "${LAYERLAB_KEEP_ENGINE:-0}" != 1 ]; then
    "$record/engine.sh" down
  fi
}
trap stop_engine EXIT
"$record/reset-engine.sh" || { echo "record-goldens.sh: cannot reset the engine" >&2; exit 1; }
"$record/reset-engine.sh" --remember || exit 1

prepare_work_dir() { # scenario-dir (in the engine's mount namespace when it has one)
  if [ -n "${LAYERLAB_MNTNS:-}" ]; then
    nsenter --mount="$LAYERLAB_MNTNS" "$record/prepare-work.sh" "$1" "$work"
  else
    "$record/prepare-work.sh" "$1" "$work"
  fi
}

failed=0
started_all=$(date +%s)
for dir in "${scenarios[@]}"; do
  dir="$(cd "$dir" && pwd)" || { failed=1; continue; }
  if [ ! -f "$dir/steps.sh" ]; then
    echo "record-goldens.sh: $dir has no steps.sh" >&2; failed=1; continue
  fi
  name="$(basename "$(dirname "$dir")")__$(basename "$dir")"
  started=$(date +%s.%N)
  if ! "$record/reset-engine.sh"; then
    echo "record-goldens.sh: $name: engine reset failed before the scenario" >&2; failed=1; continue
  fi
  prepare_work_dir "$dir"
  if ! "$node_bin" "$record/run-steps.mjs" "$dir/steps.sh" "$out_dir/$name.jsonl" "$work" "$record/bin"; then
    echo "record-goldens.sh: $name: recording failed" >&2; failed=1
  fi
  if ! "$record/reset-engine.sh"; then
    echo "record-goldens.sh: $name: engine reset failed after the scenario" >&2; failed=1
  fi
  awk -v n="$name" -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%-50s %6.1fs\n", n, b - a }' >&2
done
echo "record-goldens.sh: ${#scenarios[@]} scenario(s) in $(( $(date +%s) - started_all ))s -> $out_dir" >&2
exit "$failed"
