/**
 * A union mount like overlayfs: read-only lower layer trees (top first) under one writable upper
 * tree. Layer trees store whiteouts the way layer tars do (".wh.<name>", ".wh..wh..opq"), so an
 * upper tree is already its own layer diff when it is committed.
 */
import { type Inode, newDir, shallowCopy, statOf } from "../fs/inode";
import { MemFs } from "../fs/memfs";
import { type Backend, FsError, type Meta, type Stat } from "../fs/types";
import { OPAQUE, isWhiteoutName, whiteoutFor } from "./whiteout";

interface Found {
  /** The visible inode (top-most). */
  node: Inode;
  /** For directories: every layer's directory at this path that shows through, top first. */
  dirs: Inode[];
}

export class OverlayFs implements Backend {
  readonly upperFs: MemFs;
  constructor(
    /** Lower layer roots, top-most first. */
    readonly lowers: readonly Inode[],
    upper: Inode | undefined,
    private readonly now: () => number,
    readonly readOnly = false,
  ) {
    this.upperFs = new MemFs(upper ?? newDir(0o755, 0, 0, 0), now);
  }

  get upper(): Inode {
    return this.upperFs.root;
  }

  /** Merged lookup over the given layer roots (top first). */
  private lookupIn(roots: readonly Inode[], p: readonly string[]): Found | null {
    let dirs: Inode[] = [];
    for (const r of roots) {
      dirs.push(r);
      if (r.entries!.has(OPAQUE)) break;
    }
    if (p.length === 0) return { node: dirs[0], dirs };
    for (let i = 0; i < p.length; i++) {
      const name = p[i];
      const next: Inode[] = [];
      let found: Inode | null = null;
      for (const d of dirs) {
        if (d.entries!.has(whiteoutFor(name))) break;
        const e = d.entries!.get(name);
        if (!e) continue;
        if (!found) found = e;
        if (e.type !== "dir" || found.type !== "dir") break;
        next.push(e);
        if (e.entries!.has(OPAQUE)) break;
      }
      if (!found) return null;
      if (i === p.length - 1) return { node: found, dirs: next };
      if (found.type !== "dir") return null;
      dirs = next;
    }
    return null;
  }

  private find(p: readonly string[]): Found | null {
    return this.lookupIn([this.upper, ...this.lowers], p);
  }

  /** Whether a path exists in the lower layers alone (so removing it needs a whiteout). */
  lowerHas(p: readonly string[]): boolean {
    if (this.lowers.length === 0) return false;
    // a whiteout or opaque dir in the upper hides the lowers
    let d: Inode | undefined = this.upper;
    for (let i = 0; i < p.length && d; i++) {
      if (d.type !== "dir") break;
      if (d.entries!.has(whiteoutFor(p[i])) || (i > 0 && d.entries!.has(OPAQUE))) return false;
      d = d.entries!.get(p[i]);
    }
    return this.lookupIn(this.lowers, p) !== null;
  }

  private guard(): void {
    if (this.readOnly) throw new FsError("EROFS");
  }

  /** Make sure the directory `p` exists in the upper tree (copying its metadata up). */
  private copyUpDir(p: readonly string[]): Inode {
    let cur = this.upper;
    for (let i = 0; i < p.length; i++) {
      const name = p[i];
      let next = cur.entries!.get(name);
      if (!next) {
        const f = this.find(p.slice(0, i + 1));
        if (!f) throw new FsError("ENOENT");
        if (f.node.type !== "dir") throw new FsError("ENOTDIR");
        next = shallowCopy(f.node);
        cur.entries!.set(name, next);
        cur.nlink++;
      } else if (next.type !== "dir") throw new FsError("ENOTDIR");
      cur = next;
    }
    return cur;
  }

  /** Copy a file, symlink or device up into the upper tree, keeping content, mode, owner and type. */
  private copyUp(p: readonly string[]): Inode {
    const existing = this.upperFs.node(p);
    const f = this.find(p);
    if (!f) throw new FsError("ENOENT");
    if (existing && existing === f.node) return existing;
    if (f.node.type === "dir") return this.copyUpDir(p);
    const parent = this.copyUpDir(p.slice(0, -1));
    const c = shallowCopy(f.node);
    parent.entries!.set(p[p.length - 1], c);
    return c;
  }

  lstat(p: readonly string[]): Stat | null {
    const f = this.find(p);
    return f ? statOf(f.node) : null;
  }

  readdir(p: readonly string[]): string[] {
    const f = this.find(p);
    if (!f) throw new FsError("ENOENT");
    if (f.node.type !== "dir") throw new FsError("ENOTDIR");
    const names = new Set<string>();
    const hidden = new Set<string>();
    for (const d of f.dirs) {
      for (const name of d.entries!.keys()) {
        if (isWhiteoutName(name)) {
          if (name !== OPAQUE) hidden.add(name.slice(4));
          continue;
        }
        if (!hidden.has(name)) names.add(name);
      }
      // names a higher layer holds as a non-directory hide lower entries too (handled by the Set)
    }
    return [...names];
  }

  readFile(p: readonly string[]): Uint8Array {
    const f = this.find(p);
    if (!f) throw new FsError("ENOENT");
    if (f.node.type === "dir") throw new FsError("EISDIR");
    return f.node.data ?? new Uint8Array(0);
  }

  private prepareCreate(p: readonly string[]): { parent: Inode; name: string; wasWhiteout: boolean } {
    this.guard();
    if (this.find(p)) throw new FsError("EEXIST");
    const parent = this.copyUpDir(p.slice(0, -1));
    const name = p[p.length - 1];
    const wh = whiteoutFor(name);
    const wasWhiteout = parent.entries!.has(wh);
    if (wasWhiteout) parent.entries!.delete(wh);
    parent.mtime = this.now();
    return { parent, name, wasWhiteout };
  }

  writeFile(p: readonly string[], data: Uint8Array, meta: Meta): void {
    this.guard();
    const f = this.find(p);
    if (f) {
      if (f.node.type === "dir") throw new FsError("EISDIR");
      const n = this.copyUp(p);
      n.data = data;
      n.mtime = meta.mtime ?? this.now();
      return;
    }
    const { parent, name } = this.prepareCreate(p);
    const n: Inode = { ...shallowCopy({ ino: 0, type: "file", mode: meta.mode ?? 0o644, uid: meta.uid ?? 0, gid: meta.gid ?? 0, mtime: meta.mtime ?? this.now(), nlink: 1 }), data };
    parent.entries!.set(name, n);
  }

  mkdir(p: readonly string[], meta: Meta): void {
    const { parent, name, wasWhiteout } = this.prepareCreate(p);
    const d = newDir(meta.mode ?? 0o755, meta.uid ?? 0, meta.gid ?? 0, meta.mtime ?? this.now());
    // a directory re-created over a removed lower one must not show the old contents
    if (wasWhiteout || this.lookupIn(this.lowers, p)) {
      d.entries!.set(OPAQUE, { ...shallowCopy({ ino: 0, type: "file", mode: 0o644, uid: 0, gid: 0, mtime: d.mtime, nlink: 1 }), data: new Uint8Array(0) });
    }
    parent.entries!.set(name, d);
    parent.nlink++;
  }

  symlink(target: string, p: readonly string[], meta: Meta): void {
    const { parent, name } = this.prepareCreate(p);
    const s = shallowCopy({ ino: 0, type: "symlink", mode: 0o777, uid: meta.uid ?? 0, gid: meta.gid ?? 0, mtime: meta.mtime ?? this.now(), nlink: 1 });
    s.target = target;
    parent.entries!.set(name, s);
  }

  mknod(p: readonly string[], type: "chardev" | "fifo", rdev: string, meta: Meta): void {
    const { parent, name } = this.prepareCreate(p);
    const n = shallowCopy({ ino: 0, type, mode: meta.mode ?? 0o666, uid: meta.uid ?? 0, gid: meta.gid ?? 0, mtime: meta.mtime ?? this.now(), nlink: 1 });
    n.rdev = rdev;
    parent.entries!.set(name, n);
  }

  link(existing: readonly string[], p: readonly string[]): void {
    this.guard();
    const src = this.find(existing);
    if (!src) throw new FsError("ENOENT");
    if (src.node.type === "dir") throw new FsError("EPERM");
    const n = this.copyUp(existing);
    const { parent, name } = this.prepareCreate(p);
    parent.entries!.set(name, n);
    n.nlink++;
  }

  /** Remove `p` from the merged view: drop the upper copy and whiteout what lies below. */
  private remove(p: readonly string[]): void {
    const needsWhiteout = this.lowerHas(p);
    const parent = this.copyUpDir(p.slice(0, -1));
    const name = p[p.length - 1];
    const up = parent.entries!.get(name);
    if (up) {
      parent.entries!.delete(name);
      if (up.type === "dir") parent.nlink--;
      else up.nlink--;
    }
    if (needsWhiteout) {
      const wh = shallowCopy({ ino: 0, type: "file", mode: 0o644, uid: 0, gid: 0, mtime: this.now(), nlink: 1 });
      wh.data = new Uint8Array(0);
      parent.entries!.set(whiteoutFor(name), wh);
    }
    parent.mtime = this.now();
  }

  unlink(p: readonly string[]): void {
    this.guard();
    const f = this.find(p);
    if (!f) throw new FsError("ENOENT");
    if (f.node.type === "dir") throw new FsError("EISDIR");
    this.remove(p);
  }

  rmdir(p: readonly string[]): void {
    this.guard();
    if (p.length === 0) throw new FsError("EBUSY");
    const f = this.find(p);
    if (!f) throw new FsError("ENOENT");
    if (f.node.type !== "dir") throw new FsError("ENOTDIR");
    if (this.readdir(p).length > 0) throw new FsError("ENOTEMPTY");
    this.remove(p);
  }

  rename(from: readonly string[], to: readonly string[]): void {
    this.guard();
    const f = this.find(from);
    if (!f) throw new FsError("ENOENT");
    if (to.length > from.length && from.every((c, i) => to[i] === c)) throw new FsError("EINVAL");
    if (f.node.type === "dir" && (this.upperFs.node(from) !== f.node || this.lowerHas(from))) {
      // overlayfs without redirect_dir refuses to rename lower directories; tools fall back to copying
      throw new FsError("EXDEV");
    }
    const target = this.find(to);
    if (target) {
      if (target.node === f.node) return;
      if (target.node.type === "dir" && f.node.type !== "dir") throw new FsError("EISDIR");
      if (target.node.type !== "dir" && f.node.type === "dir") throw new FsError("ENOTDIR");
      if (target.node.type === "dir" && this.readdir(to).length > 0) throw new FsError("ENOTEMPTY");
      this.remove(to);
    }
    const n = f.node.type === "dir" ? f.node : this.copyUp(from);
    if (f.node.type === "dir") {
      // purely upper directory: move the subtree
      const fp = this.copyUpDir(from.slice(0, -1));
      fp.entries!.delete(from[from.length - 1]);
      fp.nlink--;
      fp.mtime = this.now();
    } else {
      n.nlink++;
      this.remove(from);
    }
    const { parent, name } = this.prepareCreate(to);
    parent.entries!.set(name, n);
    if (n.type === "dir") parent.nlink++;
  }

  setattr(p: readonly string[], meta: Meta): void {
    this.guard();
    if (!this.find(p)) throw new FsError("ENOENT");
    const n = this.copyUp(p);
    if (meta.mode !== undefined) n.mode = meta.mode;
    if (meta.uid !== undefined) n.uid = meta.uid;
    if (meta.gid !== undefined) n.gid = meta.gid;
    if (meta.mtime !== undefined) n.mtime = meta.mtime;
  }
}
