#!/usr/bin/env bash
# Builds Layerlab's lab image (default tag busybox:latest) without any registry.
#
# The image follows the layout of the official busybox image:
#   /bin/busybox plus one hard link per applet, /usr/bin/env -> ../../bin/env,
#   a minimal /etc (passwd, group, shadow 0640), /root 0700, /tmp 1777,
#   empty /home, /usr/sbin, /var/spool/mail and /var/www.
# Every entry has mtime 2024-01-01T00:00:00Z and owner 0:0, so the layer content
# (and its diffID) is the same on every machine. CMD ["sh"].
# The image is built by the classic builder (FROM scratch, ADD of one tarball), which
# gives the two-entry history "ADD file:... in /" + "CMD [\"sh\"]".
#
# Usage: scripts/lab/build-busybox.sh [TAG]
# Needs: /bin/busybox from Debian's busybox-static and a running Docker engine.
set -euo pipefail
umask 022

tag="${1:-busybox:latest}"
busybox_bin="${BUSYBOX_BIN:-/bin/busybox}"
stamp='2024-01-01T00:00:00Z'

if ! applets="$("$busybox_bin" --list 2>/dev/null)"; then
  echo "build-busybox.sh: $busybox_bin is missing or not a BusyBox binary (apt-get install -y busybox-static)" >&2
  exit 2
fi

scratch="$(mktemp -d)"
cleanup() { rm -rf "$scratch"; }
trap cleanup EXIT
rootfs="$scratch/rootfs"

make_dirs() {
  local d
  for d in bin etc home root tmp usr/bin usr/sbin var/spool/mail var/www; do
    mkdir -p "$rootfs/$d"
  done
}

install_busybox() {
  cp "$busybox_bin" "$rootfs/bin/busybox"
  chmod 0755 "$rootfs/bin/busybox"
  local name
  while read -r name; do
    [ -n "$name" ] && [ "$name" != busybox ] || continue
    ln "$rootfs/bin/busybox" "$rootfs/bin/$name"
  done <<<"$applets"
  ln -s ../../bin/env "$rootfs/usr/bin/env"
}

write_etc() {
  printf '%s\n' \
    'root:x:0:0:root:/root:/bin/sh' \
    'daemon:x:1:1:daemon:/usr/sbin:/bin/false' \
    'bin:x:2:2:bin:/bin:/bin/false' \
    'sys:x:3:3:sys:/dev:/bin/false' \
    'sync:x:4:100:sync:/bin:/bin/sync' \
    'mail:x:8:8:mail:/var/spool/mail:/bin/false' \
    'www-data:x:33:33:www-data:/var/www:/bin/false' \
    'operator:x:37:37:Operator:/var:/bin/false' \
    'nobody:x:65534:65534:nobody:/home:/bin/false' >"$rootfs/etc/passwd"
  printf '%s\n' \
    'root:x:0:' 'daemon:x:1:' 'bin:x:2:' 'sys:x:3:' 'adm:x:4:' 'tty:x:5:' 'disk:x:6:' \
    'wheel:x:10:root' 'mail:x:8:' 'www-data:x:33:' 'operator:x:37:' 'users:x:100:' \
    'nogroup:x:65534:' >"$rootfs/etc/group"
  local user
  : >"$rootfs/etc/shadow"
  for user in root daemon bin sys sync mail www-data operator nobody; do
    printf '%s:*:::::::\n' "$user" >>"$rootfs/etc/shadow"
  done
  chmod 0644 "$rootfs/etc/passwd" "$rootfs/etc/group"
  chmod 0640 "$rootfs/etc/shadow"
}

set_modes_and_times() {
  chmod 0700 "$rootfs/root"
  chmod 1777 "$rootfs/tmp"
  find "$rootfs" -exec touch -h -d "$stamp" {} +
}

make_dirs
install_busybox
write_etc
set_modes_and_times

tar --sort=name --numeric-owner --owner=0 --group=0 -C "$rootfs" -cf "$scratch/rootfs.tar" .
printf '%s\n' 'FROM scratch' 'ADD rootfs.tar /' 'CMD ["sh"]' >"$scratch/Dockerfile"

# The classic builder: the newer client prints a deprecation notice for it on stderr.
if ! build_log="$(DOCKER_BUILDKIT=0 docker build -q -t "$tag" "$scratch" 2>&1)"; then
  printf '%s\n' "$build_log" >&2
  echo "build-busybox.sh: docker build failed" >&2
  exit 1
fi
echo "$tag"
