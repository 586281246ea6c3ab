/**
 * A process's view of the filesystem: path resolution through mounts and symlinks, permission
 * checks for its credentials, and streams for reading and writing files and devices. Every
 * applet and the shell do their file I/O through this; none of them touch a backend directly.
 */
import { split, toPath } from "../fs/path";
import { FsError, type Stat, S_ISVTX } from "../fs/types";
import { EMPTY, concat, toBytes } from "../util/bytes";
import { type Cred, hasCap } from "./cred";
import type { Mount, MountTable } from "./mounts";
import { type Readable, type Writable, fromBytes } from "./streams";

export interface Resolved {
  /** Absolute resolved path components. */
  path: string[];
  mount: Mount;
  rel: string[];
  /** null when the final component does not exist (its parent does). */
  stat: Stat | null;
}

/** Devices a process can open: supplied by the runtime (terminal, null, zero, random...). */
export interface DeviceHost {
  openRead(rdev: string): Readable;
  openWrite(rdev: string): Writable;
}

const MAX_SYMLINKS = 40;

export class Vfs {
  /** File mode creation mask (the process's umask; children inherit it through their Vfs). */
  umask = 0o022;

  constructor(
    readonly mounts: MountTable,
    public cred: Cred,
    public cwd: string,
    private readonly now: () => number,
    readonly devices: DeviceHost,
    /** The caller's pid in its own namespace, for /proc/self. */
    readonly selfPid: number,
  ) {}

  abs(p: string): string {
    if (p === "") throw new FsError("ENOENT");
    return p.startsWith("/") ? p : (this.cwd === "/" ? "" : this.cwd) + "/" + p;
  }

  /** Resolve a path. The last component is followed when it is a symlink and `follow` is set. */
  resolve(p: string, follow = true): Resolved {
    let todo = split(this.abs(p).replace(/\/\.\.(?=\/|$)/g, "/\u0000"));
    let resolved: string[] = [];
    let links = 0;
    const trailingSlash = p.length > 1 && p.endsWith("/");
    while (todo.length > 0) {
      const c = todo.shift()!;
      if (c === "\u0000") {
        resolved.pop();
        continue;
      }
      const parent = this.statAt(resolved);
      if (parent && parent.type === "dir" && !this.may(parent, 1)) throw new FsError("EACCES");
      const cand = [...resolved, c];
      const { mount, rel } = this.mounts.find(cand);
      const st = mount.backend.lstat(rel);
      const last = todo.length === 0;
      if (!st) {
        if (last) return { path: cand, mount, rel, stat: null };
        throw new FsError("ENOENT");
      }
      if (st.type === "symlink" && (!last || follow || trailingSlash)) {
        if (++links > MAX_SYMLINKS) throw new FsError("ELOOP");
        const target = st.target === "$self" ? String(this.selfPid) : (st.target ?? "");
        const tc = split(target.replace(/(^|\/)\.\.(?=\/|$)/g, "$1\u0000"));
        if (target.startsWith("/")) resolved = [];
        todo = [...tc, ...todo];
        continue;
      }
      if (!last && st.type !== "dir") throw new FsError("ENOTDIR");
      resolved = cand;
      if (last) {
        if (trailingSlash && st.type !== "dir") throw new FsError("ENOTDIR");
        return { path: cand, mount, rel, stat: st };
      }
    }
    const { mount, rel } = this.mounts.find(resolved);
    return { path: resolved, mount, rel, stat: mount.backend.lstat(rel) };
  }

  private statAt(p: string[]): Stat | null {
    const { mount, rel } = this.mounts.find(p);
    return mount.backend.lstat(rel);
  }

  /** Permission check: want is a bitmask of 4 (read), 2 (write), 1 (execute/search). */
  may(st: Stat, want: number): boolean {
    const c = this.cred;
    if (c.uid === 0 || hasCap(c, "DAC_OVERRIDE")) {
      if (!(want & 1) || st.type === "dir") return true;
      return (st.mode & 0o111) !== 0;
    }
    let bits: number;
    if (c.uid === st.uid) bits = (st.mode >> 6) & 7;
    else if (c.gid === st.gid || c.groups.includes(st.gid)) bits = (st.mode >> 3) & 7;
    else bits = st.mode & 7;
    return (bits & want) === want;
  }

  private must(r: Resolved): Stat {
    if (!r.stat) throw new FsError("ENOENT");
    return r.stat;
  }

  private writableParent(r: Resolved): void {
    if (r.mount.readOnly) throw new FsError("EROFS");
    const parent = this.statAt(r.path.slice(0, -1));
    if (!parent) throw new FsError("ENOENT");
    if (!this.may(parent, 3)) throw new FsError("EACCES");
  }

  private stickyCheck(r: Resolved): void {
    const parent = this.statAt(r.path.slice(0, -1));
    const st = r.stat;
    if (!parent || !st || !(parent.mode & S_ISVTX)) return;
    const u = this.cred.uid;
    if (u !== 0 && !hasCap(this.cred, "FOWNER") && u !== st.uid && u !== parent.uid) throw new FsError("EPERM");
  }

  // ---- queries ----
  stat(p: string): Stat {
    return this.must(this.resolve(p, true));
  }
  lstat(p: string): Stat {
    return this.must(this.resolve(p, false));
  }
  exists(p: string): boolean {
    try {
      return this.resolve(p, true).stat !== null;
    } catch {
      return false;
    }
  }
  readdir(p: string): string[] {
    const r = this.resolve(p, true);
    const st = this.must(r);
    if (st.type !== "dir") throw new FsError("ENOTDIR");
    if (!this.may(st, 4)) throw new FsError("EACCES");
    const names = r.mount.backend.readdir(r.rel);
    // mount points below this directory show up even if the backend lacks them
    for (const m of this.mounts.mounts) {
      if (m.at.length === r.path.length + 1 && r.path.every((c, i) => m.at[i] === c)) {
        const n = m.at[m.at.length - 1];
        if (!names.includes(n)) names.push(n);
      }
    }
    return names;
  }
  readlink(p: string): string {
    const st = this.lstat(p);
    if (st.type !== "symlink") throw new FsError("EINVAL");
    return st.target === "$self" ? String(this.selfPid) : (st.target ?? "");
  }
  realpath(p: string): string {
    const r = this.resolve(p, true);
    this.must(r);
    return toPath(r.path);
  }
  access(p: string, want: number): boolean {
    try {
      const st = this.stat(p);
      if ((want & 2) && this.resolve(p).mount.readOnly) return false;
      return this.may(st, want);
    } catch {
      return false;
    }
  }

  /** Where `p` is mounted (for `df`, `mount`, and EXDEV decisions). */
  mountOf(p: string): Mount {
    return this.resolve(p, true).mount;
  }

  // ---- content ----
  readFile(p: string): Uint8Array {
    const r = this.resolve(p, true);
    const st = this.must(r);
    if (st.type === "dir") throw new FsError("EISDIR");
    if (!this.may(st, 4)) throw new FsError("EACCES");
    if (st.type === "chardev") throw new FsError("EINVAL");
    return r.mount.backend.readFile(r.rel);
  }

  /** Create or replace a file's content (O_CREAT|O_TRUNC, or O_APPEND). */
  writeFile(p: string, data: string | Uint8Array, opts: { append?: boolean; mode?: number; exclusive?: boolean } = {}): void {
    const r = this.resolve(p, true);
    const bytes = toBytes(data);
    if (r.stat) {
      if (opts.exclusive) throw new FsError("EEXIST");
      if (r.stat.type === "dir") throw new FsError("EISDIR");
      if (r.stat.type === "chardev") {
        void this.devices.openWrite(r.stat.rdev ?? "null").write(bytes);
        return;
      }
      if (r.mount.readOnly) throw new FsError("EROFS");
      if (!this.may(r.stat, 2)) throw new FsError("EACCES");
      const prev = opts.append ? r.mount.backend.readFile(r.rel) : EMPTY;
      r.mount.backend.writeFile(r.rel, prev.length ? concat([prev, bytes]) : bytes, { mtime: this.now() });
      return;
    }
    if (p.endsWith("/")) throw new FsError("EISDIR");
    this.writableParent(r);
    r.mount.backend.writeFile(r.rel, bytes, this.newMeta(opts.mode ?? 0o666));
  }

  private newMeta(mode: number) {
    return { mode: mode & ~this.umask, uid: this.cred.uid, gid: this.cred.gid, mtime: this.now() };
  }

  /** A stream reading a file or device from the start. */
  openRead(p: string): Readable {
    const r = this.resolve(p, true);
    const st = this.must(r);
    if (st.type === "dir") throw new FsError("EISDIR");
    if (!this.may(st, 4)) throw new FsError("EACCES");
    if (st.type === "chardev") return this.devices.openRead(st.rdev ?? "null");
    const data = r.mount.backend.readFile(r.rel);
    return fromBytes(data);
  }

  /**
   * A stream writing to a file (created with `mode` if missing, truncated unless appending) or device.
   * Errors (EACCES, EROFS, EISDIR, ENOENT) are thrown here, at open time, as open(2) would.
   */
  openWrite(p: string, opts: { append?: boolean; mode?: number; noclobber?: boolean } = {}): Writable {
    const r = this.resolve(p, true);
    if (r.stat?.type === "chardev") return this.devices.openWrite(r.stat.rdev ?? "null");
    if (r.stat && opts.noclobber && r.stat.type === "file") throw new FsError("EEXIST");
    if (!opts.append || !r.stat) this.writeFile(p, EMPTY, { mode: opts.mode });
    else {
      if (r.stat.type === "dir") throw new FsError("EISDIR");
      if (r.mount.readOnly) throw new FsError("EROFS");
      if (!this.may(r.stat, 2)) throw new FsError("EACCES");
    }
    const backend = r.mount.backend;
    const rel = r.rel;
    const now = this.now;
    // a growing private buffer; the file's content is always a prefix view of it
    let buf = new Uint8Array(0);
    let len = 0;
    let view: Uint8Array | null = null;
    const w: Writable = {
      async write(d) {
        const b = toBytes(d);
        if (b.length === 0) return;
        const cur = backend.lstat(rel) ? backend.readFile(rel) : EMPTY;
        if (cur !== view) {
          // someone else changed the file: start from its current content
          buf = new Uint8Array(Math.max(64, (cur.length + b.length) * 2));
          buf.set(cur);
          len = cur.length;
        } else if (len + b.length > buf.length) {
          const nb = new Uint8Array(Math.max(64, (len + b.length) * 2));
          nb.set(buf.subarray(0, len));
          buf = nb;
        }
        buf.set(b, len);
        len += b.length;
        view = buf.subarray(0, len);
        backend.writeFile(rel, view, { mtime: now() });
      },
      close() {},
      dup: () => w,
    };
    return w;
  }

  // ---- namespace changes ----
  mkdir(p: string, mode = 0o777): void {
    const r = this.resolve(p, false);
    if (r.stat) throw new FsError("EEXIST");
    this.writableParent(r);
    r.mount.backend.mkdir(r.rel, this.newMeta(mode));
  }
  rmdir(p: string): void {
    const r = this.resolve(p, false);
    const st = this.must(r);
    if (st.type !== "dir") throw new FsError("ENOTDIR");
    if (this.mounts.isMountPoint(r.path)) throw new FsError("EBUSY");
    this.writableParent(r);
    this.stickyCheck(r);
    r.mount.backend.rmdir(r.rel);
  }
  unlink(p: string): void {
    const r = this.resolve(p, false);
    const st = this.must(r);
    if (st.type === "dir") throw new FsError("EISDIR");
    if (this.mounts.isMountPoint(r.path)) throw new FsError("EBUSY");
    this.writableParent(r);
    this.stickyCheck(r);
    r.mount.backend.unlink(r.rel);
  }
  symlink(target: string, p: string): void {
    const r = this.resolve(p, false);
    if (r.stat) throw new FsError("EEXIST");
    this.writableParent(r);
    r.mount.backend.symlink(target, r.rel, { ...this.newMeta(0o777), mode: 0o777 });
  }
  mknod(p: string, type: "chardev" | "fifo", rdev: string, mode: number): void {
    const r = this.resolve(p, false);
    if (r.stat) throw new FsError("EEXIST");
    this.writableParent(r);
    if (type === "chardev" && !hasCap(this.cred, "MKNOD")) throw new FsError("EPERM");
    r.mount.backend.mknod(r.rel, type, rdev, this.newMeta(mode));
  }
  link(existing: string, p: string): void {
    const a = this.resolve(existing, false);
    this.must(a);
    const b = this.resolve(p, false);
    if (b.stat) throw new FsError("EEXIST");
    if (a.mount !== b.mount) throw new FsError("EXDEV");
    this.writableParent(b);
    b.mount.backend.link(a.rel, b.rel);
  }
  rename(from: string, to: string): void {
    const a = this.resolve(from, false);
    this.must(a);
    const b = this.resolve(to, false);
    if (a.mount !== b.mount) throw new FsError("EXDEV");
    if (this.mounts.isMountPoint(a.path) || this.mounts.isMountPoint(b.path)) throw new FsError("EBUSY");
    this.writableParent(a);
    this.writableParent(b);
    this.stickyCheck(a);
    a.mount.backend.rename(a.rel, b.rel);
  }

  // ---- metadata ----
  chmod(p: string, mode: number): void {
    const r = this.resolve(p, true);
    const st = this.must(r);
    if (r.mount.readOnly) throw new FsError("EROFS");
    if (this.cred.uid !== st.uid && !hasCap(this.cred, "FOWNER")) throw new FsError("EPERM");
    r.mount.backend.setattr(r.rel, { mode: mode & 0o7777 });
  }
  chown(p: string, uid: number, gid: number, follow = true): void {
    const r = this.resolve(p, follow);
    const st = this.must(r);
    if (r.mount.readOnly) throw new FsError("EROFS");
    const changingOwner = uid !== -1 && uid !== st.uid;
    const ownGroup = this.cred.uid === st.uid && (gid === -1 || this.cred.groups.includes(gid) || this.cred.gid === gid);
    if (!hasCap(this.cred, "CHOWN") && (changingOwner || !ownGroup)) throw new FsError("EPERM");
    const meta: { uid?: number; gid?: number; mode?: number } = {};
    if (uid !== -1) meta.uid = uid;
    if (gid !== -1) meta.gid = gid;
    // chown clears setuid/setgid on regular files
    if (st.type === "file" && st.mode & 0o6000) meta.mode = st.mode & ~0o6000;
    r.mount.backend.setattr(r.rel, meta);
  }
  utimes(p: string, mtime: number, follow = true): void {
    const r = this.resolve(p, follow);
    const st = this.must(r);
    if (r.mount.readOnly) throw new FsError("EROFS");
    if (this.cred.uid !== st.uid && !hasCap(this.cred, "FOWNER") && !this.may(st, 2)) throw new FsError("EACCES");
    r.mount.backend.setattr(r.rel, { mtime });
  }
}
