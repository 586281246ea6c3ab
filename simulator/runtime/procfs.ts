/**
 * /proc as a read-only backend generated from the kernel's process table, seen through one PID
 * namespace: a container sees only its own processes, numbered from 1. "self" is resolved by the
 * caller's Vfs (target "$self").
 */
import { FsError, type Stat } from "../fs/types";
import { ReadOnlyBackend } from "../fs/readonly";
import { utf8 } from "../util/bytes";
import { HOST_CPUS, HOST_MEMINFO, HOST_UNAME } from "./applets/lib/sys-host";
import type { Kernel } from "./kernel";
import type { MountTable } from "./mounts";
import type { Namespaces } from "./namespaces";
import type { Process } from "./process";
import { ALL_CAPS, capMask } from "./cred";

const DIR = (ino: number, mtime: number): Stat => ({ type: "dir", mode: 0o555, uid: 0, gid: 0, size: 0, mtime, nlink: 2, ino });
const FILE = (ino: number, mtime: number, mode = 0o444): Stat => ({ type: "file", mode, uid: 0, gid: 0, size: 0, mtime, nlink: 1, ino });

/**
 * Fixed host facts the simulated machine reports (see docs/differences.md): the same machine
 * uname, nproc and free describe (applets/lib/sys-host.ts).
 */
export const HOST_FACTS = {
  memTotalKb: HOST_MEMINFO.MemTotal,
  memFreeKb: HOST_MEMINFO.MemFree,
  cpus: HOST_CPUS,
  kernel: HOST_UNAME.release,
};

export class ProcFs extends ReadOnlyBackend {
  constructor(
    private readonly kernel: Kernel,
    private readonly ns: () => Namespaces,
    private readonly mounts: () => MountTable,
  ) {
    super();
  }

  private procs(): Process[] {
    return this.kernel.list(this.ns().pid);
  }

  private byPid(s: string): Process | undefined {
    const n = Number(s);
    const root = this.ns().pid.parent === null;
    return this.procs().find((p) => (root ? p.pid : p.nsPid) === n);
  }

  private shownPid(p: Process): number {
    return this.ns().pid.parent === null ? p.pid : p.nsPid;
  }

  private files(p: Process): Record<string, () => string> {
    const pid = this.shownPid(p);
    return {
      comm: () => p.comm + "\n",
      cmdline: () => p.argv.join("\0") + "\0",
      environ: () => Object.entries(p.env).map(([k, v]) => `${k}=${v}`).join("\0") + "\0",
      status: () =>
        `Name:\t${p.comm}\nState:\t${p.state === "S" ? "S (sleeping)" : "R (running)"}\nPid:\t${pid}\nPPid:\t${p.parent && p.parent.ns.pid === p.ns.pid ? this.shownPid(p.parent) : 0}\nUid:\t${p.cred.uid}\t${p.cred.uid}\t${p.cred.uid}\t${p.cred.uid}\nGid:\t${p.cred.gid}\t${p.cred.gid}\t${p.cred.gid}\t${p.cred.gid}\nGroups:\t${p.cred.groups.join(" ")}${p.cred.groups.length ? " " : ""}\nVmRSS:\t${Math.ceil(p.memory / 1024)} kB\n` +
        `CapInh:\t${capMask([])}\nCapPrm:\t${capMask(p.cred.caps)}\nCapEff:\t${capMask(p.cred.caps)}\nCapBnd:\t${capMask(p.cred.bounding ?? ALL_CAPS)}\nCapAmb:\t${capMask([])}\n`,
      cgroup: () => `0::${p.ns.cgroup.path === "/" ? "/" : "/"}\n`,
      mounts: () => this.mountsText(),
    };
  }

  private mountsText(): string {
    return this.mounts()
      .mounts.map((m) => `${m.source} /${m.at.join("/")} ${m.fstype} ${m.options} 0 0`)
      .join("\n") + "\n";
  }

  private top(): Record<string, () => string> {
    const f = HOST_FACTS;
    return {
      mounts: () => this.mountsText(),
      meminfo: () => `MemTotal:       ${String(f.memTotalKb).padStart(8)} kB\nMemFree:        ${String(f.memFreeKb).padStart(8)} kB\nMemAvailable:   ${String(f.memFreeKb).padStart(8)} kB\nBuffers:               0 kB\nCached:                0 kB\nSwapTotal:             0 kB\nSwapFree:              0 kB\n`,
      version: () => `Linux version ${f.kernel} (layerlab) #1 SMP\n`,
      uptime: () => `${(this.kernel.now() / 1000) % 100000} 0.00\n`,
      loadavg: () => `0.00 0.00 0.00 1/${this.procs().length} ${this.procs().length}\n`,
      cpuinfo: () => Array.from({ length: f.cpus }, (_, i) => `processor\t: ${i}\nmodel name\t: Layerlab virtual CPU\n`).join("\n"),
    };
  }

  lstat(p: readonly string[]): Stat | null {
    const t = this.kernel.now();
    if (p.length === 0) return DIR(1, t);
    if (p.length === 1) {
      if (p[0] === "self") return { type: "symlink", mode: 0o777, uid: 0, gid: 0, size: 0, mtime: t, nlink: 1, ino: 2, target: "$self" };
      if (p[0] in this.top()) return FILE(3, t);
      const proc = this.byPid(p[0]);
      return proc ? DIR(100 + proc.pid, proc.startTime) : null;
    }
    const proc = this.byPid(p[0]);
    if (!proc || p.length > 2) return null;
    if (p[1] === "exe") return { type: "symlink", mode: 0o777, uid: proc.cred.uid, gid: proc.cred.gid, size: 0, mtime: t, nlink: 1, ino: 5, target: "/bin/busybox" };
    return p[1] in this.files(proc) ? FILE(4, t, p[1] === "environ" ? 0o400 : 0o444) : null;
  }

  readdir(p: readonly string[]): string[] {
    if (p.length === 0) return [...this.procs().map((x) => String(this.shownPid(x))), "self", ...Object.keys(this.top())];
    const proc = this.byPid(p[0]);
    if (!proc || p.length !== 1) throw new FsError("ENOTDIR");
    return [...Object.keys(this.files(proc)), "exe"];
  }

  readFile(p: readonly string[]): Uint8Array {
    if (p.length === 1 && p[0] in this.top()) return utf8(this.top()[p[0]]());
    const proc = p.length === 2 ? this.byPid(p[0]) : undefined;
    const gen = proc ? this.files(proc)[p[1]] : undefined;
    if (!gen) throw new FsError(p.length === 1 ? "EISDIR" : "ENOENT");
    return utf8(gen());
  }
}
