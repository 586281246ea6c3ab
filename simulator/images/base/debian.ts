/**
 * The Debian 13 (trixie) base layer the nginx, redis and postgres models share, as the real
 * images share their `debian:trixie-slim` layer (so a second model pulled reuses it).
 *
 * Listed: the merged-/usr layout, the account files, os-release, and the executables of the
 * essential packages a learner reaches for (bash, dash as /bin/sh, coreutils, findutils, grep,
 * sed, tar, gzip, hostname, mawk). They run the simulator's BusyBox applets and shell: their
 * options and messages are BusyBox's, not GNU's (see docs/differences.md). Libraries, locales
 * and documentation are not listed; their bytes are declared as abridged.
 */
import type { LayerTree } from "../model";

/** debian:trixie-slim's root filesystem: 78.6 MB as `docker images` counts it (an estimate from its 29.8 MB compressed layer). */
export const DEBIAN_BASE_SIZE = 78_618_000;
/** How long before the catalog time the base was made; the Debian models count their steps from it, so their base layers are one. */
export const DEBIAN_BASE_AGE = 21 * 86400_000;
export const DEBIAN_BASE_CREATED_BY = "# debian.sh --arch 'amd64' out/ 'trixie' '@1789689600'";

const PASSWD = [
  "root:x:0:0:root:/root:/bin/bash",
  "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin",
  "bin:x:2:2:bin:/bin:/usr/sbin/nologin",
  "sys:x:3:3:sys:/dev:/usr/sbin/nologin",
  "sync:x:4:65534:sync:/bin:/bin/sync",
  "games:x:5:60:games:/usr/games:/usr/sbin/nologin",
  "man:x:6:12:man:/var/cache/man:/usr/sbin/nologin",
  "lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin",
  "mail:x:8:8:mail:/var/mail:/usr/sbin/nologin",
  "news:x:9:9:news:/var/spool/news:/usr/sbin/nologin",
  "uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin",
  "proxy:x:13:13:proxy:/bin:/usr/sbin/nologin",
  "www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin",
  "backup:x:34:34:backup:/var/backups:/usr/sbin/nologin",
  "list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin",
  "irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin",
  "_apt:x:42:65534::/nonexistent:/usr/sbin/nologin",
  "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin",
];

const GROUP = [
  "root:x:0:", "daemon:x:1:", "bin:x:2:", "sys:x:3:", "adm:x:4:", "tty:x:5:", "disk:x:6:", "lp:x:7:", "mail:x:8:", "news:x:9:",
  "uucp:x:10:", "man:x:12:", "proxy:x:13:", "kmem:x:15:", "dialout:x:20:", "fax:x:21:", "voice:x:22:", "cdrom:x:24:", "floppy:x:25:",
  "tape:x:26:", "sudo:x:27:", "audio:x:29:", "dip:x:30:", "www-data:x:33:", "backup:x:34:", "operator:x:37:", "list:x:38:", "irc:x:39:",
  "src:x:40:", "shadow:x:42:", "utmp:x:43:", "video:x:44:", "sasl:x:45:", "plugdev:x:46:", "staff:x:50:", "games:x:60:", "users:x:100:",
  "nogroup:x:65534:",
];

/** /etc/passwd and /etc/group of the base, with the lines a later `useradd`/`groupadd` appends. */
export function debianAccounts(t: LayerTree, users: string[] = [], groups: string[] = []): void {
  t.file("etc/passwd", [...PASSWD, ...users].join("\n") + "\n");
  t.file("etc/group", [...GROUP, ...groups].join("\n") + "\n");
}

/** Executables of the essential packages, with their sizes in trixie (amd64). */
const COREUTILS: Array<[string, number]> = [
  ["basename", 35_384], ["cat", 39_600], ["chgrp", 68_936], ["chmod", 64_840], ["chown", 68_936], ["cp", 150_376], ["cut", 47_912],
  ["date", 109_000], ["dd", 76_328], ["df", 88_616], ["dirname", 35_336], ["du", 101_128], ["echo", 35_400], ["env", 48_072],
  ["false", 27_176], ["groups", 35_432], ["head", 43_720], ["id", 43_784], ["ln", 64_808], ["ls", 155_200], ["md5sum", 47_840],
  ["mkdir", 72_872], ["mv", 146_280], ["nproc", 35_400], ["od", 72_808], ["printf", 56_200], ["pwd", 39_560], ["readlink", 43_656],
  ["realpath", 43_656], ["rm", 64_872], ["rmdir", 43_528], ["seq", 51_912], ["sha1sum", 43_744], ["sha256sum", 47_840],
  ["sha512sum", 51_936], ["sleep", 39_560], ["sort", 121_448], ["stat", 88_616], ["tail", 72_840], ["tee", 43_656], ["touch", 97_032],
  ["tr", 51_880], ["true", 27_176], ["uname", 35_400], ["uniq", 47_784], ["wc", 47_880], ["whoami", 35_336], ["yes", 35_336],
];

export function debianBaseLayer(t: LayerTree): void {
  for (const [link, target] of [["bin", "usr/bin"], ["lib", "usr/lib"], ["lib64", "usr/lib64"], ["sbin", "usr/sbin"]]) t.symlink(link, target);
  for (const d of ["boot", "dev", "etc", "home", "media", "mnt", "opt", "proc", "run", "run/lock", "srv", "sys", "usr/games", "usr/include", "usr/lib/x86_64-linux-gnu", "usr/lib64", "usr/libexec", "usr/local/bin", "usr/local/etc", "usr/local/games", "usr/local/include", "usr/local/lib", "usr/local/sbin", "usr/local/share", "usr/local/src", "usr/sbin", "usr/share/doc", "usr/src", "var/backups", "var/cache", "var/lib/dpkg", "var/local", "var/log", "var/mail", "var/opt", "var/spool"]) t.dir(d);
  t.dir("root", 0o700).dir("tmp", 0o1777).dir("var/tmp", 0o1777).dir("run/lock", 0o1777);
  t.symlink("var/run", "/run").symlink("var/lock", "/run/lock");
  debianAccounts(t);
  t.file("etc/hostname", "");
  t.file("etc/debian_version", "13.6\n");
  t.file("etc/os-release", [
    'PRETTY_NAME="Debian GNU/Linux 13 (trixie)"', 'NAME="Debian GNU/Linux"', 'VERSION_ID="13"', 'VERSION="13 (trixie)"', "VERSION_CODENAME=trixie",
    "DEBIAN_VERSION_FULL=13.6", "ID=debian", 'HOME_URL="https://www.debian.org/"', 'SUPPORT_URL="https://www.debian.org/support"', 'BUG_REPORT_URL="https://bugs.debian.org/"', "",
  ].join("\n"));
  t.symlink("usr/lib/os-release", "../../etc/os-release");
  t.file("etc/shells", "# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/dash\n/usr/bin/dash\n");
  t.file("etc/bash.bashrc", "# System-wide .bashrc file for interactive bash(1) shells.\n[ -z \"$PS1\" ] && return\n");
  t.file("root/.bashrc", "# ~/.bashrc: executed by bash(1) for non-login shells.\n");
  t.file("root/.profile", "# ~/.profile: executed by Bourne-compatible login shells.\nif [ \"$BASH\" ]; then\n  if [ -f ~/.bashrc ]; then\n    . ~/.bashrc\n  fi\nfi\n\nmesg n 2> /dev/null || true\n");
  t.exe("usr/bin/bash", "debian", 1_298_416);
  t.exe("usr/bin/dash", "debian", 133_864);
  t.symlink("usr/bin/sh", "dash");
  for (const [name, size] of COREUTILS) t.exe(`usr/bin/${name}`, "debian", size);
  t.symlink("usr/bin/[", "test").exe("usr/bin/test", "debian", 47_848);
  for (const [name, size] of [["find", 224_848], ["xargs", 68_296], ["grep", 199_104], ["sed", 117_920], ["tar", 536_136], ["gzip", 98_136], ["hostname", 22_712], ["mawk", 163_632]] as const) t.exe(`usr/bin/${name}`, "debian", size);
  t.symlink("usr/bin/egrep", "grep").symlink("usr/bin/fgrep", "grep");
  t.exe("usr/bin/gunzip", "debian", 2_346).exe("usr/bin/zcat", "debian", 1_984);
  t.symlink("etc/alternatives/awk", "/usr/bin/mawk").symlink("usr/bin/awk", "/etc/alternatives/awk");
  t.exe("usr/bin/mount", "debian", 59_384).exe("usr/bin/umount", "debian", 39_384).exe("usr/bin/su", "debian", 76_736);
}
