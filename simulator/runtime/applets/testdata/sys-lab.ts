/**
 * A container like `docker run busybox` for the system applets' tests: the lab image's files
 * (the layout of /work/shared/lab/busybox/build.sh), its own PID and UTS namespaces, a mount
 * table listed as Docker's, a cgroup with optional limits and Docker's credentials rules.
 */
import { MemFs } from "../../../fs/memfs";
import { split } from "../../../fs/path";
import { base64Decode, utf8 } from "../../../util/bytes";
import { LAB_APPLET_NAMES } from "./sys-busybox-list";
import { APPLETS, busyboxProgram } from "../../busybox";
import { ALL_CAPS, DOCKER_DEFAULT_CAPS } from "../../cred";
import { programBytes } from "../../exec";
import { Machine } from "../../machine";
import { MountTable } from "../../mounts";
import { type Namespaces, PidNamespace, hostCgroup } from "../../namespaces";
import type { Process } from "../../process";
import type { Program } from "../../program";
import { Collector, fromBytes } from "../../streams";

export const LAB_PASSWD = `root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
`;
export const LAB_GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
wheel:x:10:root
mail:x:8:
www-data:x:33:
operator:x:37:
users:x:100:
nogroup:x:65534:
`;
const LAB_SHADOW = LAB_PASSWD.split("\n").filter(Boolean).map((l) => l.split(":")[0] + ":*:::::::").join("\n") + "\n";

/** A file a case adds before it runs (mtime is the lab's start unless given). */
export interface LabFile {
  path: string;
  type?: "file" | "dir" | "symlink" | "hardlink" | "fifo";
  content?: string;
  /** Base64 content for binary files. */
  b64?: string;
  /** Symlink or hard-link target. */
  target?: string;
  mode?: number;
  uid?: number;
  gid?: number;
}

export interface LabOptions {
  hostname?: string;
  /** Docker's --user: "name" or "uid[:gid]". */
  user?: string;
  capAdd?: string[];
  memory?: number;
  cpus?: number;
  groupAdd?: number[];
  env?: Record<string, string>;
  files?: LabFile[];
}

const DOCKER_MOUNTS: Array<[string, string, string, string]> = [
  ["overlay", "/", "overlay", "rw,relatime,lowerdir=/var/lib/docker/overlay2/l/LAB:/var/lib/docker/overlay2/l/BASE,upperdir=/var/lib/docker/overlay2/lab/diff,workdir=/var/lib/docker/overlay2/lab/work"],
  ["proc", "/proc", "proc", "rw,nosuid,nodev,noexec,relatime"],
  ["tmpfs", "/dev", "tmpfs", "rw,nosuid,size=65536k,mode=755"],
  ["devpts", "/dev/pts", "devpts", "rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666"],
  ["sysfs", "/sys", "sysfs", "ro,nosuid,nodev,noexec,relatime"],
  ["mqueue", "/dev/mqueue", "mqueue", "rw,nosuid,nodev,noexec,relatime"],
  ["shm", "/dev/shm", "tmpfs", "rw,nosuid,nodev,noexec,relatime,size=65536k"],
];

export class Lab {
  readonly m: Machine;
  readonly root: MemFs;
  readonly ns: Namespaces;
  readonly env: Record<string, string>;
  readonly cred: { uid: number; gid: number; groups: number[]; caps: Set<string> };

  constructor(readonly opts: LabOptions = {}) {
    this.m = new Machine();
    this.m.linkApplets();
    const now = () => this.m.sched.now;
    this.root = new MemFs(undefined, now);
    this.populate();
    const mnt = new MountTable();
    const dev = new MemFs(undefined, now);
    for (const [name, rdev] of [["null", "null"], ["zero", "zero"], ["full", "full"], ["random", "random"], ["urandom", "urandom"], ["tty", "tty"]]) {
      dev.mknod([name], "chardev", rdev, { mode: 0o666, mtime: now() });
    }
    for (const [source, at, fstype, options] of DOCKER_MOUNTS) {
      const backend = at === "/" ? this.root : at === "/dev" ? dev : new MemFs(undefined, now);
      mnt.add({ at: split(at), backend, readOnly: options.startsWith("ro"), source, fstype, options });
    }
    const cg = hostCgroup();
    cg.path = "/docker/lab";
    cg.memoryLimit = opts.memory ?? null;
    cg.nanoCpus = opts.cpus ? opts.cpus * 1e9 : null;
    const hostname = opts.hostname ?? "layerlab";
    this.ns = {
      pid: new PidNamespace(1, this.m.hostNs.pid),
      uts: { id: 1, hostname, domainname: "(none)" },
      mnt,
      net: { id: 1, kind: "none", interfaces: () => [] },
      ipc: { id: 1 },
      user: { id: 0 },
      cgroup: cg,
    };
    this.root.writeFile(["etc", "hostname"], utf8(hostname + "\n"), { mode: 0o644, mtime: now() });
    this.cred = this.credFor(opts.user ?? "root");
    this.env = { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", HOSTNAME: hostname, ...opts.env, HOME: this.home() };
  }

  private home(): string {
    const line = LAB_PASSWD.split("\n").find((l) => Number(l.split(":")[2]) === this.cred.uid);
    return line ? line.split(":")[5] : "/";
  }

  /** Docker's user resolution: passwd entry, its groups from /etc/group, --group-add. */
  private credFor(user: string) {
    const [u, g] = user.split(":");
    const pw = LAB_PASSWD.split("\n").filter(Boolean).map((l) => l.split(":"));
    const byName = pw.find((f) => f[0] === u);
    const uid = byName ? Number(byName[2]) : Number(u);
    const entry = byName ?? pw.find((f) => Number(f[2]) === uid);
    const gid = g !== undefined ? Number(g) : entry ? Number(entry[3]) : 0;
    const gs = new Set<number>([gid]);
    if (entry) {
      for (const l of LAB_GROUP.split("\n").filter(Boolean)) {
        const f = l.split(":");
        if (f[3].split(",").includes(entry[0])) gs.add(Number(f[2]));
      }
    }
    for (const x of this.opts.groupAdd ?? []) gs.add(x);
    const caps = uid === 0 ? new Set([...DOCKER_DEFAULT_CAPS, ...(this.opts.capAdd ?? [])].filter((c) => ALL_CAPS.includes(c))) : new Set<string>();
    return { uid, gid, groups: [...gs].sort((a, b) => a - b), caps };
  }

  private populate(): void {
    const fs = this.root;
    const t = this.m.sched.now;
    for (const d of ["bin", "dev", "etc", "home", "proc", "root", "sys", "tmp", "usr", "usr/bin", "usr/sbin", "var", "var/spool", "var/spool/mail", "var/www"]) {
      fs.mkdir(split(d), { mode: d === "tmp" ? 0o1777 : d === "root" ? 0o700 : d === "proc" || d === "sys" ? 0o555 : 0o755, mtime: t });
    }
    fs.writeFile(["bin", "busybox"], programBytes("busybox", 1982256), { mode: 0o755, mtime: t });
    // every name the lab image's BusyBox installs, as build.sh links them
    const names = new Set([...APPLETS.keys(), ...LAB_APPLET_NAMES]);
    for (const name of names) if (name !== "busybox") fs.link(["bin", "busybox"], ["bin", name]);
    fs.symlink("../../bin/env", ["usr", "bin", "env"], { mtime: t });
    fs.writeFile(["etc", "passwd"], utf8(LAB_PASSWD), { mode: 0o644, mtime: t });
    fs.writeFile(["etc", "group"], utf8(LAB_GROUP), { mode: 0o644, mtime: t });
    fs.writeFile(["etc", "shadow"], utf8(LAB_SHADOW), { mode: 0o640, mtime: t });
    for (const f of this.opts.files ?? []) this.addFile(f);
  }

  addFile(f: LabFile): void {
    const fs = this.root;
    const p = split(f.path);
    const meta = { mode: f.mode ?? (f.type === "dir" ? 0o755 : f.type === "symlink" ? 0o777 : 0o644), uid: f.uid ?? 0, gid: f.gid ?? 0, mtime: this.m.sched.now };
    for (let i = 1; i < p.length; i++) if (!fs.node(p.slice(0, i))) fs.mkdir(p.slice(0, i), { mode: 0o755, mtime: meta.mtime });
    switch (f.type ?? "file") {
      case "dir":
        if (!fs.node(p)) fs.mkdir(p, meta);
        else fs.setattr(p, meta);
        break;
      case "symlink":
        fs.symlink(f.target!, p, meta);
        break;
      case "hardlink":
        fs.link(split(f.target!), p);
        break;
      case "fifo":
        fs.mknod(p, "fifo", "", meta);
        break;
      default: {
        const data = f.b64 !== undefined ? base64Decode(f.b64) : utf8(f.content ?? "");
        fs.writeFile(p, data, meta);
      }
    }
  }

  /** Start a process in the container (nsPid 1 when it is the first). */
  spawn(argv: string[], o: { stdin?: string | Uint8Array; cwd?: string; program?: Program; stdout: Collector; stderr: Collector }): Process {
    return this.m.kernel.start({
      argv,
      env: { ...this.env },
      cwd: o.cwd ?? "/",
      cred: { ...this.cred, groups: [...this.cred.groups], caps: new Set(this.cred.caps) },
      ns: this.ns,
      devices: this.m.devices,
      stdin: fromBytes(o.stdin ?? ""),
      stdout: o.stdout,
      stderr: o.stderr,
      program: o.program ?? busyboxProgram,
      containerId: "lab",
      parent: null,
    });
  }

  /** Run argv to completion in simulated time. */
  async run(argv: string[], o: { stdin?: string | Uint8Array; cwd?: string } = {}): Promise<{ exit: number; stdout: string; stderr: string; out: Uint8Array }> {
    const stdout = new Collector();
    const stderr = new Collector();
    const p = this.spawn(argv, { ...o, stdout, stderr });
    const exit = await this.m.sched.runUntil(p.exited);
    return { exit, stdout: stdout.text(), stderr: stderr.text(), out: stdout.bytes() };
  }

  read(path: string): string {
    const n = this.root.node(split(path));
    return n?.data ? new TextDecoder().decode(n.data) : "";
  }
}

