/**
 * /sys as a read-only backend: only what learners look at, generated from the network
 * namespace of the mount: /sys/class/net/<interface>/{address,mtu,operstate,ifindex}.
 */
import { type Backend, FsError, type Stat } from "../fs/types";
import { utf8 } from "../util/bytes";
import type { NetInterface } from "./namespaces";

const DIR = (ino: number, mtime: number): Stat => ({ type: "dir", mode: 0o755, uid: 0, gid: 0, size: 0, mtime, nlink: 2, ino });
const FILE = (ino: number, mtime: number): Stat => ({ type: "file", mode: 0o444, uid: 0, gid: 0, size: 4096, mtime, nlink: 1, ino });

const FILES: Record<string, (i: NetInterface) => string> = {
  address: (i) => i.mac,
  mtu: (i) => String(i.mtu),
  operstate: (i) => (i.name === "lo" ? "unknown" : i.up ? "up" : "down"),
  ifindex: (i) => String(i.index),
};

export class SysFs implements Backend {
  readonly readOnly = true;
  constructor(
    private readonly interfaces: () => NetInterface[],
    private readonly now: () => number,
  ) {}

  private iface(name: string): NetInterface | undefined {
    return this.interfaces().find((i) => i.name === name);
  }

  lstat(p: readonly string[]): Stat | null {
    const t = this.now();
    if (p.length === 0) return DIR(1, t);
    if (p[0] !== "class") return null;
    if (p.length === 1) return DIR(2, t);
    if (p[1] !== "net") return null;
    if (p.length === 2) return DIR(3, t);
    const i = this.iface(p[2]);
    if (!i) return null;
    if (p.length === 3) return DIR(100 + i.index, t);
    return p.length === 4 && p[3] in FILES ? FILE(1000 + i.index, t) : null;
  }

  readdir(p: readonly string[]): string[] {
    const st = this.lstat(p);
    if (!st) throw new FsError("ENOENT");
    if (st.type !== "dir") throw new FsError("ENOTDIR");
    if (p.length === 0) return ["class"];
    if (p.length === 1) return ["net"];
    if (p.length === 2) return this.interfaces().map((i) => i.name);
    return Object.keys(FILES);
  }

  readFile(p: readonly string[]): Uint8Array {
    const st = this.lstat(p);
    if (!st) throw new FsError("ENOENT");
    if (st.type === "dir") throw new FsError("EISDIR");
    return utf8(FILES[p[3]](this.iface(p[2])!) + "\n");
  }

  private ro(): never {
    throw new FsError("EROFS");
  }
  writeFile(): void {
    this.ro();
  }
  mkdir(): void {
    this.ro();
  }
  symlink(): void {
    this.ro();
  }
  mknod(): void {
    this.ro();
  }
  link(): void {
    this.ro();
  }
  unlink(): void {
    this.ro();
  }
  rmdir(): void {
    this.ro();
  }
  rename(): void {
    this.ro();
  }
  setattr(): void {
    this.ro();
  }
}
