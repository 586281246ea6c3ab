#!/usr/bin/env bash
# Makes the working directory a fresh copy of a scenario's files/.
# Usage: prepare-work.sh <scenario-dir> <work-dir>
# Modes become what a git checkout gives (0755 for directories and executables, else 0644),
# whatever the source's own modes or the umask, and every mtime is 2024-01-01T00:00:00Z, so
# that the build cache never depends on when or where the repository was checked out.
set -euo pipefail
scenario="$1"
work="$2"
rm -rf "$work"
mkdir -p "$work"
if [ -d "$scenario/files" ]; then
  cp -R "$scenario/files/." "$work/"
fi
find "$work" -type d -exec chmod 0755 {} +
find "$work" -type f -perm /111 -exec chmod 0755 {} +
find "$work" -type f ! -perm /111 -exec chmod 0644 {} +
find "$work" -exec touch -h -d '2024-01-01T00:00:00Z' {} +
