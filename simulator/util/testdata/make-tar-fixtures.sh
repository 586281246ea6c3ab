#!/usr/bin/env bash
# Regenerates the tar fixtures with GNU tar (run as root on Linux: it sets owners and makes a fifo).
# gnu-sample.tar: GNU format (GNU tar 1.34's default); pax-sample.tar: POSIX pax format.
set -euo pipefail
out="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
r="$work/root"
long="$(printf 'long-name-%.0s' 1 2 3 4 5 6 7 8 9 10 11)end.txt"   # 117 characters
mkdir -p "$r/etc" "$r/bin" "$r/deep/er/still" "$r/opaque" "$r/home/alice"
printf 'hello, layers\n' > "$r/etc/hello.txt"
ln "$r/etc/hello.txt" "$r/etc/hello-again.txt"
ln -s etc/hello.txt "$r/link"
ln -s "deep/er/still/$long" "$r/long-link"
printf '#!/bin/sh\necho tool\n' > "$r/bin/tool"; chmod 0755 "$r/bin/tool"
cp "$r/bin/tool" "$r/bin/suid"; chmod 4755 "$r/bin/suid"
: > "$r/empty"
head -c 1500 /dev/zero | tr '\0' 'z' > "$r/deep/er/still/$long"
: > "$r/etc/.wh.removed"
: > "$r/opaque/.wh..wh..opq"
printf 'alice\n' > "$r/home/alice/notes"
chown -R 4242:4242 "$r/home/alice"
mkfifo "$r/fifo"
find "$r" -exec touch -h -d '2024-01-01T00:00:00Z' {} +
tar --sort=name --format=gnu -C "$work" -cf "$out/gnu-sample.tar" root
tar --sort=name --format=pax --pax-option='delete=atime,delete=ctime' -C "$work" -cf "$out/pax-sample.tar" root
tar -tvf "$out/gnu-sample.tar" > "$out/gnu-sample.list"
