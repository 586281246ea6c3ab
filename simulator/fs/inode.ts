/** The inode tree that layers, volumes, tmpfs and the simulated host are made of. */
import type { FileType, Stat } from "./types";

export interface Inode {
  ino: number;
  type: FileType;
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  nlink: number;
  /** Regular file content. Treated as immutable: writers replace the array, so copies may share it. */
  data?: Uint8Array;
  target?: string;
  rdev?: string;
  entries?: Map<string, Inode>;
}

let inoCounter = 1000;
/** Inode numbers are process-wide so that hard links are recognisable across trees. */
export function nextIno(): number {
  return ++inoCounter;
}
export function bumpIno(atLeast: number): void {
  if (inoCounter < atLeast) inoCounter = atLeast;
}

export const DIR_SIZE = 4096;

export function newDir(mode: number, uid: number, gid: number, mtime: number): Inode {
  return { ino: nextIno(), type: "dir", mode, uid, gid, mtime, nlink: 2, entries: new Map() };
}

export function statOf(n: Inode): Stat {
  let size = 0;
  if (n.type === "file") size = n.data?.length ?? 0;
  else if (n.type === "symlink") size = n.target?.length ?? 0;
  else if (n.type === "dir") size = DIR_SIZE;
  const st: Stat = { type: n.type, mode: n.mode, uid: n.uid, gid: n.gid, size, mtime: n.mtime, nlink: n.nlink, ino: n.ino };
  if (n.target !== undefined) st.target = n.target;
  if (n.rdev !== undefined) st.rdev = n.rdev;
  return st;
}

/** A metadata-only copy (a directory's copy has no entries yet). Content arrays are shared. */
export function shallowCopy(n: Inode): Inode {
  const c: Inode = { ino: nextIno(), type: n.type, mode: n.mode, uid: n.uid, gid: n.gid, mtime: n.mtime, nlink: n.type === "dir" ? 2 : 1 };
  if (n.data) c.data = n.data;
  if (n.target !== undefined) c.target = n.target;
  if (n.rdev !== undefined) c.rdev = n.rdev;
  if (n.type === "dir") c.entries = new Map();
  return c;
}

/** A full, independent copy of a tree, keeping hard links within it as hard links. */
export function deepCopy(n: Inode, seen = new Map<Inode, Inode>()): Inode {
  const prior = seen.get(n);
  if (prior) return prior;
  const c = shallowCopy(n);
  c.nlink = n.nlink;
  seen.set(n, c);
  if (n.entries) for (const [k, v] of n.entries) c.entries!.set(k, deepCopy(v, seen));
  return c;
}

/** Walk a tree in sorted pre-order: fn(pathComponents, inode). */
export function walk(root: Inode, fn: (p: string[], n: Inode) => void, prefix: string[] = []): void {
  if (!root.entries) return;
  for (const name of [...root.entries.keys()].sort()) {
    const child = root.entries.get(name)!;
    const p = [...prefix, name];
    fn(p, child);
    if (child.type === "dir") walk(child, fn, p);
  }
}

/** Bytes a tree occupies the way Docker's overlay2 driver counts a diff: regular file and symlink sizes, each inode once. */
export function treeSize(root: Inode): number {
  const seen = new Set<Inode>();
  let total = 0;
  walk(root, (_p, n) => {
    if (seen.has(n)) return;
    seen.add(n);
    if (n.type === "file") total += n.data?.length ?? 0;
    else if (n.type === "symlink") total += n.target?.length ?? 0;
  });
  return total;
}
