/**
 * The files every recorded case starts from, built the same way in a real temporary directory
 * (for the reference BusyBox) and in the simulated Machine. Times are absolute ISO dates, or a
 * number of days before the recording time (for "recent" files in ls -l).
 */
export const FIXROOT = "/tmp/llfx";

export interface Entry {
  /** Path below FIXROOT. */
  p: string;
  /** f file (default), d directory, l symlink (to), h hard link to `to`. */
  t?: "f" | "d" | "l" | "h";
  c?: string;
  /** Repeat `c` this many times (big files). */
  repeat?: number;
  to?: string;
  m?: number;
  uid?: number;
  gid?: number;
  /** ISO date, or days before the recording time. */
  at?: string | number;
}

export const OLD = "2023-03-04T05:06:07Z";

export const STD: Entry[] = [
  { p: "a.txt", c: "hello\nworld\n" },
  {
    p: "b.txt",
    c: "apple 3\nbanana 12\ncherry 7\nApple 5\nbanana 12\ndate 1\nelderberry 100\nfig 25\n",
  },
  { p: "empty" },
  { p: "nonl.txt", c: "first\nsecond\nno newline at end" },
  { p: "nums.txt", c: "10\n9\n100\n-3\n2.5\n1e3\n0x10\n 7\n" },
  { p: "data.csv", c: "name,age,city\nalice,30,paris\nbob,25,london\ncarol,35,new york\ndave,,berlin\n" },
  { p: "words.txt", c: "the quick brown fox\njumps over the lazy dog\nThe End\n\n  indented line\ntabs\there\tand\tthere\n" },
  { p: "dups.txt", c: "a\na\nb\nB\nb\nc\nc\nc\na\n" },
  { p: "sizes.txt", c: "1K\n2M\n512\n1G\n3k\n10\n" },
  { p: "passwd", c: "root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n" },
  { p: "script.sh", c: "#!/bin/sh\necho hi\n", m: 0o755 },
  { p: "ro.txt", c: "read only\n", m: 0o444 },
  { p: "secret", c: "s3cret\n", m: 0o600 },
  { p: "suid", c: "x", m: 0o4755 },
  { p: "big.bin", c: "0123456789abcdef", repeat: 320 },
  { p: "huge.dat", c: "x".repeat(1024), repeat: 1500 },
  { p: "recent.txt", c: "new\n", at: 10 },
  { p: "daemon.txt", c: "owned\n", uid: 1, gid: 1 },
  { p: "numeric.txt", c: "n\n", uid: 4321, gid: 8765 },
  { p: "with space.txt", c: "spaced\n" },
  { p: "dir", t: "d" },
  { p: "dir/one.txt", c: "one\n" },
  { p: "dir/two.log", c: "two\nlines\n" },
  { p: "dir/.hidden", c: "h\n" },
  { p: "dir/sub", t: "d" },
  { p: "dir/sub/deep.txt", c: "deep\n" },
  { p: "dir/sub/exe", c: "#!/bin/sh\n", m: 0o755 },
  { p: "emptydir", t: "d" },
  { p: "sticky", t: "d", m: 0o1777 },
  { p: "link", t: "l", to: "a.txt" },
  { p: "dlink", t: "l", to: "dir" },
  { p: "broken", t: "l", to: "nowhere" },
  { p: "hard", t: "h", to: "a.txt" },
];

/** /etc/passwd and /etc/group lines for the ids the fixture uses, as on the recording host. */
export const ETC_PASSWD = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n";
export const ETC_GROUP = "root:x:0:\ndaemon:x:1:\nbin:x:2:\nnogroup:x:65534:\n";

/** The modification time of an entry, ms since the epoch. */
export function entryTime(e: Entry, base: number): number {
  if (typeof e.at === "number") return Math.floor((base - e.at * 86400000) / 60000) * 60000;
  return Date.parse(e.at ?? OLD);
}

export function entryContent(e: Entry): string {
  return (e.c ?? "").repeat(e.repeat ?? 1);
}

/** Default modes: 0644 files, 0755 directories, 0777 symlinks. */
export function entryMode(e: Entry): number {
  return e.m ?? (e.t === "d" ? 0o755 : e.t === "l" ? 0o777 : 0o644);
}
