/** A plain in-memory filesystem over an inode tree: the host, volumes, tmpfs and layer contents. */
import { type Inode, newDir, nextIno, statOf } from "./inode";
import { type Backend, FsError, type Meta, type Stat } from "./types";

export class MemFs implements Backend {
  readonly root: Inode;
  constructor(
    root: Inode | undefined,
    private readonly now: () => number,
    readonly readOnly = false,
  ) {
    this.root = root ?? newDir(0o755, 0, 0, now());
  }

  /** The inode at `p`, not following a final symlink. */
  node(p: readonly string[]): Inode | null {
    let cur = this.root;
    for (const c of p) {
      if (cur.type !== "dir") return null;
      const next = cur.entries!.get(c);
      if (!next) return null;
      cur = next;
    }
    return cur;
  }

  private must(p: readonly string[]): Inode {
    const n = this.node(p);
    if (!n) throw new FsError("ENOENT");
    return n;
  }

  private parentOf(p: readonly string[]): Inode {
    if (p.length === 0) throw new FsError("EBUSY");
    const parent = this.node(p.slice(0, -1));
    if (!parent) throw new FsError("ENOENT");
    if (parent.type !== "dir") throw new FsError("ENOTDIR");
    return parent;
  }

  private guard(): void {
    if (this.readOnly) throw new FsError("EROFS");
  }

  private touchDir(d: Inode): void {
    d.mtime = this.now();
  }

  lstat(p: readonly string[]): Stat | null {
    const n = this.node(p);
    return n ? statOf(n) : null;
  }

  readdir(p: readonly string[]): string[] {
    const n = this.must(p);
    if (n.type !== "dir") throw new FsError("ENOTDIR");
    return [...n.entries!.keys()];
  }

  readFile(p: readonly string[]): Uint8Array {
    const n = this.must(p);
    if (n.type === "dir") throw new FsError("EISDIR");
    return n.data ?? new Uint8Array(0);
  }

  private create(p: readonly string[], n: Inode): void {
    this.guard();
    const parent = this.parentOf(p);
    const name = p[p.length - 1];
    if (parent.entries!.has(name)) throw new FsError("EEXIST");
    parent.entries!.set(name, n);
    if (n.type === "dir") parent.nlink++;
    this.touchDir(parent);
  }

  private fresh(type: Inode["type"], meta: Meta, defMode: number): Inode {
    return { ino: nextIno(), type, mode: meta.mode ?? defMode, uid: meta.uid ?? 0, gid: meta.gid ?? 0, mtime: meta.mtime ?? this.now(), nlink: 1 };
  }

  writeFile(p: readonly string[], data: Uint8Array, meta: Meta): void {
    this.guard();
    const n = this.node(p);
    if (n) {
      if (n.type === "dir") throw new FsError("EISDIR");
      n.data = data;
      n.mtime = meta.mtime ?? this.now();
      return;
    }
    const f = this.fresh("file", meta, 0o644);
    f.data = data;
    this.create(p, f);
  }

  mkdir(p: readonly string[], meta: Meta): void {
    const d = this.fresh("dir", meta, 0o755);
    d.nlink = 2;
    d.entries = new Map();
    this.create(p, d);
  }

  symlink(target: string, p: readonly string[], meta: Meta): void {
    const s = this.fresh("symlink", meta, 0o777);
    s.target = target;
    this.create(p, s);
  }

  mknod(p: readonly string[], type: "chardev" | "fifo", rdev: string, meta: Meta): void {
    const n = this.fresh(type, meta, 0o666);
    n.rdev = rdev;
    this.create(p, n);
  }

  link(existing: readonly string[], p: readonly string[]): void {
    const n = this.must(existing);
    if (n.type === "dir") throw new FsError("EPERM");
    this.create(p, n);
    n.nlink++;
  }

  unlink(p: readonly string[]): void {
    this.guard();
    const parent = this.parentOf(p);
    const name = p[p.length - 1];
    const n = parent.entries!.get(name);
    if (!n) throw new FsError("ENOENT");
    if (n.type === "dir") throw new FsError("EISDIR");
    parent.entries!.delete(name);
    n.nlink--;
    this.touchDir(parent);
  }

  rmdir(p: readonly string[]): void {
    this.guard();
    const parent = this.parentOf(p);
    const name = p[p.length - 1];
    const n = parent.entries!.get(name);
    if (!n) throw new FsError("ENOENT");
    if (n.type !== "dir") throw new FsError("ENOTDIR");
    if (n.entries!.size > 0) throw new FsError("ENOTEMPTY");
    parent.entries!.delete(name);
    parent.nlink--;
    this.touchDir(parent);
  }

  rename(from: readonly string[], to: readonly string[]): void {
    this.guard();
    const fp = this.parentOf(from);
    const n = fp.entries!.get(from[from.length - 1]);
    if (!n) throw new FsError("ENOENT");
    if (to.length > from.length && from.every((c, i) => to[i] === c)) throw new FsError("EINVAL");
    const tp = this.parentOf(to);
    const tname = to[to.length - 1];
    const existing = tp.entries!.get(tname);
    if (existing === n) return;
    if (existing) {
      if (existing.type === "dir" && n.type !== "dir") throw new FsError("EISDIR");
      if (existing.type !== "dir" && n.type === "dir") throw new FsError("ENOTDIR");
      if (existing.type === "dir" && existing.entries!.size > 0) throw new FsError("ENOTEMPTY");
      if (existing.type === "dir") tp.nlink--;
      existing.nlink--;
    }
    fp.entries!.delete(from[from.length - 1]);
    tp.entries!.set(tname, n);
    if (n.type === "dir") {
      fp.nlink--;
      tp.nlink++;
    }
    this.touchDir(fp);
    this.touchDir(tp);
  }

  setattr(p: readonly string[], meta: Meta): void {
    this.guard();
    const n = this.must(p);
    if (meta.mode !== undefined) n.mode = meta.mode;
    if (meta.uid !== undefined) n.uid = meta.uid;
    if (meta.gid !== undefined) n.gid = meta.gid;
    if (meta.mtime !== undefined) n.mtime = meta.mtime;
  }
}
