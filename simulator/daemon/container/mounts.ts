/**
 * A container's mount namespace: the overlay root over its image layers, /proc, /dev, /sys, the
 * /etc files Docker bind-mounts, and the container's volumes, binds and tmpfs mounts.
 */
import { MemFs } from "../../fs/memfs";
import { type Inode, newDir, nextIno } from "../../fs/inode";
import { split } from "../../fs/path";
import type { Backend } from "../../fs/types";
import type { Kernel } from "../../runtime/kernel";
import { MountTable } from "../../runtime/mounts";
import type { Namespaces } from "../../runtime/namespaces";
import { ProcFs } from "../../runtime/procfs";
import { SysFs } from "../../runtime/sysfs";
import { OverlayFs } from "../../snapshots/overlay";
import { LayerStore, type Layer } from "../../snapshots/layers";
import type { Container } from "./container";

export interface ResolvedMount {
  target: string;
  backend: Backend;
  readOnly: boolean;
  source: string;
  fstype: string;
}

/** /dev as runc makes it; /dev/console exists only for a container with a terminal (-t). */
function devTree(now: number, tty: boolean): Inode {
  const root = newDir(0o755, 0, 0, now);
  const chr = (name: string, mode = 0o666) => root.entries!.set(name, { ino: nextIno(), type: "chardev", mode, uid: 0, gid: 0, mtime: now, nlink: 1, rdev: name });
  for (const n of ["null", "zero", "full", "random", "urandom", "tty"]) chr(n);
  if (tty) chr("console", 0o620);
  for (const d of ["pts", "shm", "mqueue"]) {
    const sub = newDir(d === "shm" ? 0o1777 : 0o755, 0, 0, now);
    root.entries!.set(d, sub);
    root.nlink++;
  }
  const link = (name: string, target: string) => root.entries!.set(name, { ino: nextIno(), type: "symlink", mode: 0o777, uid: 0, gid: 0, mtime: now, nlink: 1, target });
  link("fd", "/proc/self/fd");
  link("stdin", "/proc/self/fd/0");
  link("stdout", "/proc/self/fd/1");
  link("stderr", "/proc/self/fd/2");
  link("ptmx", "pts/ptmx");
  return root;
}

/** The overlay that is a container's root filesystem. */
export function rootOverlay(c: Container, top: Layer | null, now: () => number): OverlayFs {
  const lowers = [c.init!, ...LayerStore.stack(top).reverse().map((l) => l.root)];
  return new OverlayFs(lowers, c.rw!, now, c.hostConfig.ReadonlyRootfs);
}

export function buildMountTable(c: Container, root: OverlayFs, kernel: Kernel, ns: () => Namespaces, extra: ResolvedMount[]): MountTable {
  const now = () => kernel.now();
  const ro = c.hostConfig.ReadonlyRootfs;
  const t = new MountTable();
  t.add({ at: [], backend: root, readOnly: ro, source: "overlay", fstype: "overlay", options: `${ro ? "ro" : "rw"},relatime` });
  t.add({ at: ["proc"], backend: new ProcFs(kernel, ns, () => t), readOnly: false, source: "proc", fstype: "proc", options: "rw,nosuid,nodev,noexec,relatime" });
  t.add({ at: ["dev"], backend: new MemFs(devTree(kernel.now(), c.config.Tty), now), readOnly: false, source: "tmpfs", fstype: "tmpfs", options: "rw,nosuid,size=65536k,mode=755" });
  t.add({ at: ["dev", "pts"], backend: new MemFs(newDir(0o755, 0, 0, kernel.now()), now), readOnly: false, source: "devpts", fstype: "devpts", options: "rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666" });
  t.add({ at: ["sys"], backend: new SysFs({
    interfaces: () => ns().net.interfaces(),
    cgroup: () => ns().cgroup,
    usage: () => {
      const procs = kernel.list().filter((p) => p.ns.cgroup === ns().cgroup);
      return { memory: procs.reduce((n, p) => n + p.memory, 0), pids: procs.length };
    },
    now,
  }), readOnly: true, source: "sysfs", fstype: "sysfs", options: "ro,nosuid,nodev,noexec,relatime" });
  t.add({ at: ["dev", "mqueue"], backend: new MemFs(newDir(0o1777, 0, 0, kernel.now()), now), readOnly: false, source: "mqueue", fstype: "mqueue", options: "rw,nosuid,nodev,noexec,relatime" });
  const shmKb = Math.floor((c.hostConfig.extra?.ShmSize || 64 * 1024 * 1024) / 1024);
  t.add({ at: ["dev", "shm"], backend: new MemFs(newDir(0o1777, 0, 0, kernel.now()), now), readOnly: false, source: "shm", fstype: "tmpfs", options: `rw,nosuid,nodev,noexec,relatime,size=${shmKb}k` });
  const etc = c.etcFiles!;
  const opt = ro ? "ro" : "rw";
  t.add({ at: ["etc", "resolv.conf"], backend: new MemFs(etc.resolv, now, ro), readOnly: ro, source: "/dev/vda1", fstype: "ext4", options: `${opt},relatime` });
  t.add({ at: ["etc", "hostname"], backend: new MemFs(etc.hostname, now, ro), readOnly: ro, source: "/dev/vda1", fstype: "ext4", options: `${opt},relatime` });
  t.add({ at: ["etc", "hosts"], backend: new MemFs(etc.hosts, now, ro), readOnly: ro, source: "/dev/vda1", fstype: "ext4", options: `${opt},relatime` });
  for (const m of extra) {
    // Docker mounts a tmpfs nosuid,nodev,noexec by default
    const options = `${m.readOnly ? "ro" : "rw"},${m.fstype === "tmpfs" ? "nosuid,nodev,noexec," : ""}relatime`;
    t.add({ at: split(m.target), backend: m.backend, readOnly: m.readOnly, source: m.source, fstype: m.fstype, options });
  }
  return t;
}
