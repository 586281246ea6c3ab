/**
 * A bare Linux machine: kernel, scheduler and a host root filesystem with BusyBox installed.
 * The Docker host (simulator/host) builds on this; tests use it to run programs directly.
 */
import { MemFs } from "../fs/memfs";
import { split } from "../fs/path";
import { busyboxProgram, APPLETS } from "./busybox";
import { rootCred, type Cred } from "./cred";
import { Devices } from "./devices";
import { programBytes } from "./exec";
import { Kernel } from "./kernel";
import { MountTable } from "./mounts";
import { hostCgroup, type Namespaces, type NetNamespace, PidNamespace } from "./namespaces";
import type { Process } from "./process";
import type { Program } from "./program";
import { Scheduler, type YieldFn } from "./scheduler";
import { Collector, DISCARD, fromBytes, type Readable, type Writable } from "./streams";

/** 2024-01-01T00:00:00Z: where simulated time starts unless a state says otherwise. */
export const EPOCH = Date.UTC(2024, 0, 1);

export interface MachineOptions {
  start?: number;
  hostname?: string;
  yieldFn?: YieldFn;
}

const HOST_NET: NetNamespace = {
  id: 0,
  kind: "host",
  interfaces: () => [{ name: "lo", index: 1, mac: "00:00:00:00:00:00", addr: "127.0.0.1/8", mtu: 65536, up: true }],
};

export class Machine {
  readonly sched: Scheduler;
  readonly kernel: Kernel;
  readonly rootfs: MemFs;
  readonly hostNs: Namespaces;
  readonly devices: Devices;
  /** The controlling terminal the host's sessions use (set by the terminal session). */
  tty: { in: Readable; out: Writable } | null = null;

  constructor(opts: MachineOptions = {}) {
    this.sched = new Scheduler(opts.start ?? EPOCH, opts.yieldFn);
    this.kernel = new Kernel(this.sched);
    const now = () => this.sched.now;
    this.rootfs = new MemFs(undefined, now);
    const mnt = new MountTable();
    mnt.add({ at: [], backend: this.rootfs, readOnly: false, source: "/dev/vda1", fstype: "ext4", options: "rw,relatime" });
    this.hostNs = {
      pid: new PidNamespace(0, null),
      uts: { id: 0, hostname: opts.hostname ?? "layerlab", domainname: "(none)" },
      mnt,
      net: HOST_NET,
      ipc: { id: 0 },
      user: { id: 0 },
      cgroup: hostCgroup(),
    };
    this.devices = new Devices(() => this.tty);
    this.kernel.programs.set("busybox", busyboxProgram);
    this.installBase();
    this.startInit();
  }

  private installBase(): void {
    const fs = this.rootfs;
    const t = this.sched.now;
    for (const d of ["bin", "sbin", "usr", "usr/bin", "usr/sbin", "usr/local", "usr/local/bin", "etc", "home", "root", "tmp", "var", "var/lib", "dev", "proc", "sys", "run", "mnt", "opt"]) {
      fs.mkdir(split(d), { mode: d === "tmp" ? 0o1777 : d === "root" ? 0o700 : 0o755, mtime: t });
    }
    for (const [name, rdev] of [["null", "null"], ["zero", "zero"], ["full", "full"], ["random", "random"], ["urandom", "urandom"], ["tty", "tty"], ["console", "console"]]) {
      fs.mknod(["dev", name], "chardev", rdev, { mode: 0o666, mtime: t });
    }
    fs.writeFile(["bin", "busybox"], programBytes("busybox", 2_000_000), { mode: 0o755, mtime: t });
    this.linkApplets();
  }

  /** The host's PID 1 (like systemd): it waits forever, so host commands never run as init. */
  private startInit(): void {
    this.kernel.start({
      argv: ["/sbin/init"],
      env: {},
      cwd: "/",
      cred: rootCred(),
      ns: this.hostNs,
      devices: this.devices,
      stdin: fromBytes(""),
      stdout: DISCARD,
      stderr: DISCARD,
      program: (ctx) => ctx.proc.guard(new Promise<number>(() => {})),
      containerId: null,
      parent: null,
    });
  }

  /** Hard-link every registered applet name into /bin, as BusyBox's install does. */
  linkApplets(): void {
    for (const name of APPLETS.keys()) {
      if (name === "busybox" || this.rootfs.node(["bin", name])) continue;
      this.rootfs.link(["bin", "busybox"], ["bin", name]);
    }
  }

  /** Install a program as an executable file on the host. */
  installProgram(path: string, id: string, program: Program, size = 4096): void {
    this.kernel.programs.set(id, program);
    this.rootfs.writeFile(split(path), programBytes(id, size), { mode: 0o755, mtime: this.sched.now });
  }

  /** Start a process in the host's namespaces. */
  spawn(opts: { argv: string[]; program?: Program; env?: Record<string, string>; cwd?: string; cred?: Cred; stdin?: Readable; stdout: Writable; stderr: Writable }): Process {
    const env = opts.env ?? { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", HOME: "/root" };
    let program = opts.program;
    let argv = opts.argv;
    if (!program) {
      program = busyboxProgram;
      argv = [...argv];
    }
    return this.kernel.start({
      argv,
      env,
      cwd: opts.cwd ?? "/root",
      cred: opts.cred ?? rootCred(),
      ns: this.hostNs,
      devices: this.devices,
      stdin: opts.stdin ?? fromBytes(""),
      stdout: opts.stdout,
      stderr: opts.stderr,
      program,
      containerId: null,
      parent: null,
    });
  }

  /**
   * Run a BusyBox applet (argv[0] names it) to completion in simulated time and collect its output.
   * For tests and scripts: `await m.run(["sh", "-c", "echo hi"])`.
   */
  async run(argv: string[], opts: { stdin?: string; cwd?: string; env?: Record<string, string>; cred?: Cred } = {}): Promise<{ exit: number; stdout: string; stderr: string }> {
    const out = new Collector();
    const err = new Collector();
    const p = this.spawn({ argv, cwd: opts.cwd, env: opts.env, cred: opts.cred, stdin: fromBytes(opts.stdin ?? ""), stdout: out, stderr: err });
    const exit = await this.sched.runUntil(p.exited);
    return { exit, stdout: out.text(), stderr: err.text() };
  }
}
