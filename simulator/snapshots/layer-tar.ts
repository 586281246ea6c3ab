/**
 * Layer trees <-> layer tar streams, the way Docker's overlay2 driver writes and reads them.
 *
 * Writing (`layerTarEntries`): a pre-order walk with each directory's entries sorted by name
 * (Go's filepath.Walk), no entry for the root itself, directories as "dir/", hard links to the
 * first path of the same inode, whiteouts as empty ".wh.<name>" files placed where <name> sorts
 * (on disk they are character devices named <name>), and an opaque directory followed at once by
 * its ".wh..wh..opq" marker (mode of the directory, time 0).
 *
 * Reading (`treeFromTar`): entries applied in order to an empty tree, whiteouts kept as entries
 * (layer trees store them exactly like layer tars do), missing parents created, hard links
 * resolved, names normalised ("./a", "/a" -> "a"), entries that would escape the root skipped.
 */
import { type Inode, newDir, nextIno } from "../fs/inode";
import { formatOctal } from "../util/tar-header";
import type { TarEntry } from "../util/tar";
import { writeTar } from "../util/tar";
import { OPAQUE, hiddenName } from "./whiteout";

/** User and group names written into headers (Go's archive/tar looks them up on the daemon host). */
export interface TarNames {
  user(uid: number): string;
  group(gid: number): string;
}

export const ROOT_NAMES: TarNames = { user: (u) => (u === 0 ? "root" : ""), group: (g) => (g === 0 ? "root" : "") };

/** Major/minor numbers of the device nodes the simulator models by name. */
const DEVICE_NUMBERS: Record<string, [number, number]> = {
  null: [1, 3],
  zero: [1, 5],
  full: [1, 7],
  random: [1, 8],
  urandom: [1, 9],
  tty: [5, 0],
  console: [5, 1],
  ptmx: [5, 2],
};

function deviceName(major: number, minor: number): string {
  for (const [name, [a, b]] of Object.entries(DEVICE_NUMBERS)) if (a === major && b === minor) return name;
  return `${major}:${minor}`;
}

function deviceNumbers(rdev: string | undefined): [number, number] {
  if (rdev && DEVICE_NUMBERS[rdev]) return DEVICE_NUMBERS[rdev];
  const m = /^(\d+):(\d+)$/.exec(rdev ?? "");
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

/** Where a name sorts in its directory on disk (a whiteout is a device named after what it hides). */
function diskName(name: string): string {
  return hiddenName(name) ?? name;
}

function byDiskName(a: string, b: string): number {
  const x = diskName(a);
  const y = diskName(b);
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Entries Docker writes with bare permission bits in the mode field: whiteouts and opaque markers
 * are headers it makes up itself rather than from a file's stat.
 */
const BARE_MODE = new WeakSet<TarEntry>();

/** The tar entries of a layer tree, in the order Docker writes them. */
export function layerTarEntries(root: Inode, names: TarNames = ROOT_NAMES): TarEntry[] {
  const out: TarEntry[] = [];
  const bare = (e: TarEntry) => {
    BARE_MODE.add(e);
    out.push(e);
  };
  const seen = new Map<Inode, string>();
  const base = (path: string, n: Inode): TarEntry => ({ name: path, type: "file", mode: n.mode, uid: n.uid, gid: n.gid, uname: names.user(n.uid), gname: names.group(n.gid), mtime: n.mtime, size: 0 });
  const visit = (dir: Inode, prefix: string) => {
    const keys = [...dir.entries!.keys()].filter((k) => k !== OPAQUE).sort(byDiskName);
    for (const name of keys) {
      const n = dir.entries!.get(name)!;
      const path = prefix + name;
      if (n.type === "dir") {
        out.push({ ...base(path + "/", n), type: "dir" });
        if (n.entries!.has(OPAQUE)) bare({ ...base(path + "/" + OPAQUE, n), mode: n.mode & 0o777, mtime: 0 });
        visit(n, path + "/");
        continue;
      }
      if (hiddenName(name) !== null) {
        bare({ ...base(path, n), mode: 0o600 });
        continue;
      }
      const first = seen.get(n);
      if (first !== undefined) {
        out.push({ ...base(path, n), type: "hardlink", linkname: first });
        continue;
      }
      if (n.type === "socket") continue;
      seen.set(n, path);
      if (n.type === "file") out.push({ ...base(path, n), data: n.data ?? new Uint8Array(0), size: n.data?.length ?? 0 });
      else if (n.type === "symlink") out.push({ ...base(path, n), type: "symlink", linkname: n.target ?? "" });
      else if (n.type === "fifo") out.push({ ...base(path, n), type: "fifo" });
      else {
        const [devmajor, devminor] = deviceNumbers(n.rdev);
        out.push({ ...base(path, n), type: "chardev", devmajor, devminor });
      }
    }
  };
  visit(root, "");
  return out;
}

/** The layer's tar stream (uncompressed, Go archive/tar layout). */
export function layerTar(root: Inode, names: TarNames = ROOT_NAMES): Uint8Array {
  const entries = layerTarEntries(root, names);
  const bytes = writeTar(entries, { format: "docker" });
  if (entries.some((e) => BARE_MODE.has(e))) clearTypeBits(bytes, entries);
  return bytes;
}

/** Rewrite the mode field of the BARE_MODE entries' headers without file-type bits. */
function clearTypeBits(bytes: Uint8Array, entries: TarEntry[]): void {
  let off = 0;
  let i = 0;
  while (off + 512 <= bytes.length && i < entries.length) {
    const h = bytes.subarray(off, off + 512);
    if (h.every((x) => x === 0)) return;
    const flag = String.fromCharCode(h[156]);
    const size = parseInt(new TextDecoder().decode(h.subarray(124, 135)).replace(/\0.*$/s, "").trim() || "0", 8);
    const hasData = flag === "x" || flag === "g" || flag === "0" || flag === "\0" || flag === "7";
    if (flag !== "x" && flag !== "g") {
      const e = entries[i++];
      if (BARE_MODE.has(e)) {
        h.set(new TextEncoder().encode(formatOctal(e.mode & 0o7777, 7) + "\0"), 100);
        h.fill(32, 148, 156);
        let sum = 0;
        for (const x of h) sum += x;
        h.set(new TextEncoder().encode(formatOctal(sum, 6) + "\0 "), 148);
      }
    }
    off += 512 + (hasData ? Math.ceil(size / 512) * 512 : 0);
  }
}

/** Path components of a tar entry name, or null when it leaves the root. */
export function entryPath(name: string): string[] | null {
  const out: string[] = [];
  for (const c of name.split("/")) {
    if (c === "" || c === ".") continue;
    if (c === "..") {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(c);
  }
  return out;
}

/** A layer tree from tar entries (see the module comment). `now` dates directories made implicitly. */
export function treeFromTar(entries: Iterable<TarEntry>, now: number): Inode {
  const root = newDir(0o755, 0, 0, now);
  const dirAt = (p: string[]): Inode => {
    let cur = root;
    for (const c of p) {
      let next = cur.entries!.get(c);
      if (!next || next.type !== "dir") {
        if (next) cur.entries!.delete(c);
        next = newDir(0o755, 0, 0, now);
        cur.entries!.set(c, next);
        cur.nlink++;
      }
      cur = next;
    }
    return cur;
  };
  const lookup = (p: string[]): Inode | undefined => {
    let cur: Inode | undefined = root;
    for (const c of p) cur = cur?.type === "dir" ? cur.entries!.get(c) : undefined;
    return cur;
  };
  for (const e of entries) {
    const p = entryPath(e.name);
    if (p === null) continue;
    const meta = { mode: e.mode & 0o7777, uid: e.uid, gid: e.gid, mtime: e.mtime };
    if (p.length === 0) {
      if (e.type === "dir") Object.assign(root, meta);
      continue;
    }
    const parent = dirAt(p.slice(0, -1));
    const name = p[p.length - 1];
    const old = parent.entries!.get(name);
    if (e.type === "dir") {
      if (old?.type === "dir") Object.assign(old, meta);
      else {
        if (old) parent.entries!.delete(name);
        parent.entries!.set(name, { ...newDir(0, 0, 0, 0), ...meta });
        parent.nlink++;
      }
      continue;
    }
    let n: Inode;
    if (e.type === "hardlink") {
      const lp = entryPath(e.linkname ?? "");
      const target = lp && lp.length > 0 ? lookup(lp) : undefined;
      if (!target || target.type === "dir" || target === old) continue;
      n = target;
      n.nlink++;
    } else {
      n = { ino: nextIno(), type: "file", ...meta, nlink: 1 };
      if (e.type === "file") n.data = e.data ?? new Uint8Array(e.size);
      else if (e.type === "symlink") {
        n.type = "symlink";
        n.target = e.linkname ?? "";
      } else if (e.type === "fifo") n.type = "fifo";
      else {
        n.type = "chardev";
        n.rdev = deviceName(e.devmajor ?? 0, e.devminor ?? 0);
      }
    }
    if (old) {
      if (old.type === "dir") parent.nlink--;
      else old.nlink--;
    }
    parent.entries!.set(name, n);
  }
  return root;
}
