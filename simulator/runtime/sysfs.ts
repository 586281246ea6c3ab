/**
 * /sys as a read-only backend: only what learners look at, generated on every read from the
 * namespaces of the mount:
 *   /sys/class/net/<interface>/{address,mtu,operstate,ifindex}   the network namespace
 *   /sys/fs/cgroup/{memory.max,memory.swap.max,memory.current,pids.max,pids.current,
 *                   cpu.max,cpu.weight,cgroup.controllers}       the container's cgroup (v2)
 */
import { FsError, type Stat } from "../fs/types";
import { ReadOnlyBackend } from "../fs/readonly";
import { utf8 } from "../util/bytes";
import type { Cgroup, NetInterface } from "./namespaces";

type Tree = { [name: string]: Tree | (() => string) };

export interface SysSources {
  interfaces(): NetInterface[];
  cgroup(): Cgroup;
  /** Bytes and processes currently charged to the cgroup. */
  usage(): { memory: number; pids: number };
  now(): number;
}

const orMax = (v: number | null) => (v === null || v <= 0 ? "max" : String(v));

/** runc's conversion of --cpu-shares (2..262144) to cgroup v2's cpu.weight (1..10000). */
export function cpuWeight(shares: number | null): number {
  if (!shares) return 100;
  return Math.floor(1 + ((shares - 2) * 9999) / 262142);
}

function cgroupFiles(s: SysSources): Tree {
  const cg = s.cgroup();
  return {
    "cgroup.controllers": () => "cpuset cpu io memory hugetlb pids rdma misc",
    "memory.max": () => orMax(cg.memoryLimit),
    // cgroup v2 keeps swap apart: --memory-swap is memory plus swap
    "memory.swap.max": () => (cg.memorySwapLimit === null ? (cg.memoryLimit === null ? "max" : String(cg.memoryLimit)) : cg.memorySwapLimit < 0 ? "max" : String(cg.memorySwapLimit - (cg.memoryLimit ?? 0))),
    "memory.current": () => String(s.usage().memory),
    "pids.max": () => orMax(cg.pidsLimit),
    "pids.current": () => String(s.usage().pids),
    "cpu.max": () => (cg.nanoCpus ? `${Math.round((cg.nanoCpus / 1e9) * 100000)} 100000` : "max 100000"),
    "cpu.weight": () => String(cpuWeight(cg.cpuShares)),
  };
}

function netFiles(i: NetInterface): Tree {
  return {
    address: () => i.mac,
    mtu: () => String(i.mtu),
    operstate: () => (i.name === "lo" ? "unknown" : i.up ? "up" : "down"),
    ifindex: () => String(i.index),
  };
}

export class SysFs extends ReadOnlyBackend {
  constructor(private readonly src: SysSources) {
    super();
  }

  private tree(): Tree {
    const net: Tree = {};
    for (const i of this.src.interfaces()) net[i.name] = netFiles(i);
    return { class: { net }, fs: { cgroup: cgroupFiles(this.src) } };
  }

  private find(p: readonly string[]): Tree | (() => string) | null {
    let node: Tree | (() => string) = this.tree();
    for (const part of p) {
      if (typeof node === "function" || !Object.hasOwn(node, part)) return null;
      node = node[part];
    }
    return node;
  }

  lstat(p: readonly string[]): Stat | null {
    const node = this.find(p);
    if (!node) return null;
    const base = { uid: 0, gid: 0, mtime: this.src.now(), ino: 7000 + p.length };
    if (typeof node === "function") return { ...base, type: "file", mode: p[0] === "fs" ? 0o644 : 0o444, size: 4096, nlink: 1 };
    return { ...base, type: "dir", mode: 0o755, size: 0, nlink: 2 };
  }

  readdir(p: readonly string[]): string[] {
    const node = this.find(p);
    if (!node) throw new FsError("ENOENT");
    if (typeof node === "function") throw new FsError("ENOTDIR");
    return Object.keys(node);
  }

  readFile(p: readonly string[]): Uint8Array {
    const node = this.find(p);
    if (!node) throw new FsError("ENOENT");
    if (typeof node !== "function") throw new FsError("EISDIR");
    return utf8(node() + "\n");
  }
}
