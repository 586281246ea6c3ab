/**
 * Alpine Linux 3.24's minirootfs, the base of the node:22-alpine model: BusyBox as /bin/busybox
 * with its applets as symlinks (the simulator's BusyBox runs them; Alpine's is newer, and where
 * their applets differ the simulator's behaviour is the one you get), musl, apk's database
 * files, and the account files. Libraries and apk itself are not listed (their bytes are
 * declared as abridged).
 */
import type { LayerTree } from "../model";

/** alpine-minirootfs-3.24.2-x86_64: an estimate of its on-disk size from its 3.85 MB compressed layer. */
export const ALPINE_SIZE = 8_310_000;

const APPLETS_BIN = ["ash", "base64", "cat", "chgrp", "chmod", "chown", "cp", "date", "dd", "df", "dmesg", "echo", "egrep", "false", "fgrep", "grep", "gunzip", "gzip", "hostname", "kill", "ln", "ls", "mkdir", "mount", "mv", "netstat", "nice", "pidof", "ping", "ps", "pwd", "rm", "rmdir", "sed", "sleep", "stat", "su", "tar", "touch", "true", "umount", "uname", "zcat"];
const APPLETS_USR_BIN = ["[", "[[", "awk", "basename", "cut", "dirname", "du", "env", "find", "free", "head", "id", "nc", "nproc", "nslookup", "od", "printf", "readlink", "realpath", "seq", "sha1sum", "sha256sum", "sha512sum", "md5sum", "sort", "tail", "tee", "test", "top", "tr", "uniq", "uptime", "wc", "wget", "which", "whoami", "xargs", "yes"];
const APPLETS_SBIN = ["ifconfig", "ip"];

export function alpineAccounts(t: LayerTree, users: string[] = [], groups: string[] = []): void {
  t.file("etc/passwd", ["root:x:0:0:root:/root:/bin/sh", "bin:x:1:1:bin:/bin:/sbin/nologin", "daemon:x:2:2:daemon:/sbin:/sbin/nologin", "lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin", "sync:x:5:0:sync:/sbin:/bin/sync", "shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown", "halt:x:7:0:halt:/sbin:/sbin/halt", "mail:x:8:12:mail:/var/mail:/sbin/nologin", "news:x:9:13:news:/usr/lib/news:/sbin/nologin", "uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin", "cron:x:16:16:cron:/var/spool/cron:/sbin/nologin", "ftp:x:21:21::/var/lib/ftp:/sbin/nologin", "sshd:x:22:22:sshd:/dev/null:/sbin/nologin", "games:x:35:35:games:/usr/games:/sbin/nologin", "ntp:x:123:123:NTP:/var/empty:/sbin/nologin", "guest:x:405:100:guest account:/dev/null:/sbin/nologin", "nobody:x:65534:65534:nobody:/:/sbin/nologin", ...users].join("\n") + "\n");
  t.file("etc/group", ["root:x:0:root", "bin:x:1:root,bin,daemon", "daemon:x:2:root,bin,daemon", "sys:x:3:root,bin", "adm:x:4:root,daemon", "tty:x:5:", "disk:x:6:root", "lp:x:7:lp", "kmem:x:9:", "wheel:x:10:root", "floppy:x:11:root", "mail:x:12:mail", "news:x:13:news", "uucp:x:14:uucp", "cron:x:16:cron", "audio:x:18:", "cdrom:x:19:", "dialout:x:20:root", "ftp:x:21:", "sshd:x:22:", "input:x:23:", "tape:x:26:root", "video:x:27:root", "netdev:x:28:", "kvm:x:34:kvm", "games:x:35:", "shadow:x:42:", "www-data:x:82:", "users:x:100:games", "ntp:x:123:", "abuild:x:300:", "utmp:x:406:", "ping:x:999:", "nogroup:x:65533:", "nobody:x:65534:", ...groups].join("\n") + "\n");
}

export function alpineLayer(t: LayerTree): void {
  for (const d of ["dev", "etc/apk", "home", "lib/apk/db", "media/cdrom", "media/floppy", "media/usb", "mnt", "opt", "proc", "run", "srv", "sys", "usr/lib", "usr/local/bin", "usr/local/lib", "usr/local/share", "usr/sbin", "usr/share", "var/cache/apk", "var/empty", "var/lib", "var/local", "var/log", "var/mail", "var/opt", "var/spool/cron"]) t.dir(d);
  t.dir("root", 0o700).dir("tmp", 0o1777).dir("var/tmp", 0o1777);
  t.symlink("var/run", "/run").symlink("var/lock", "/run/lock");
  t.exe("bin/busybox", "busybox", 808_712);
  t.symlink("bin/sh", "/bin/busybox");
  for (const a of APPLETS_BIN) t.symlink(`bin/${a}`, "/bin/busybox");
  for (const a of APPLETS_USR_BIN) t.symlink(`usr/bin/${a}`, "/bin/busybox");
  for (const a of APPLETS_SBIN) t.symlink(`sbin/${a}`, "/bin/busybox");
  alpineAccounts(t);
  t.file("etc/alpine-release", "3.24.2\n");
  t.file("etc/os-release", 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.24.2\nPRETTY_NAME="Alpine Linux v3.24"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n');
  t.symlink("usr/lib/os-release", "../../etc/os-release");
  t.file("etc/hostname", "localhost\n");
  t.file("etc/shells", "# valid login shells\n/bin/sh\n/bin/ash\n");
  t.file("etc/profile", 'export PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\nexport PAGER=less\numask 022\n');
  t.file("etc/apk/world", "alpine-baselayout\nalpine-keys\nalpine-release\napk-tools\nbusybox\nca-certificates-bundle\nlibc-utils\n");
  t.file("etc/apk/repositories", "https://dl-cdn.alpinelinux.org/alpine/v3.24/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.24/community\n");
}
