/** Turning a container's -v/--mount/--tmpfs/VOLUME specs into mounts (moby's daemon/volumes.go). */
import { deepCopy, newDir } from "../../fs/inode";
import { MemFs } from "../../fs/memfs";
import { normalize, split } from "../../fs/path";
import { OverlayFs } from "../../snapshots/overlay";
import type { Daemon } from "../daemon";
import { invalidParameter } from "../errdefs";
import type { Container, MountPoint } from "./container";
import type { ResolvedMount } from "./mounts";

/** Parse a -v value: "name:/path[:opts]", "/host:/path[:opts]" or "/path". */
export function parseBind(spec: string): { source: string; target: string; ro: boolean; nocopy: boolean } {
  const parts = spec.split(":");
  if (parts.length === 1) return { source: "", target: parts[0], ro: false, nocopy: false };
  if (parts.length > 3 || parts[1] === "") throw invalidParameter(`invalid volume specification: '${spec}'`);
  const opts = (parts[2] ?? "").split(",").filter(Boolean);
  for (const o of opts) if (!["ro", "rw", "nocopy", "z", "Z", "rshared", "rslave", "rprivate", "shared", "slave", "private"].includes(o)) throw invalidParameter(`invalid mode: ${o}`);
  const type = parts[0].startsWith("/") ? "bind" : "volume";
  if (!parts[1].startsWith("/")) throw invalidParameter(`invalid volume specification: '${spec}': invalid mount config for type "${type}": invalid mount path: '${parts[1]}' mount path must be absolute`);
  return { source: parts[0], target: parts[1], ro: opts.includes("ro"), nocopy: opts.includes("nocopy") };
}

/** Work out c.mounts (once, at first start) from the host config and the image's VOLUMEs. */
export function planMounts(d: Daemon, c: Container): void {
  if (c.hasBeenStarted) return;
  const mounts: MountPoint[] = [];
  const seen = new Set<string>();
  const add = (m: MountPoint) => {
    const t = normalize(m.Destination);
    if (seen.has(t)) throw invalidParameter(`Duplicate mount point: ${t}`);
    seen.add(t);
    mounts.push({ ...m, Destination: t });
  };
  for (const from of c.hostConfig.VolumesFrom ?? []) {
    const [ref, mode] = from.split(":");
    const src = d.mustContainer(ref);
    for (const m of src.mounts) if (m.Type !== "tmpfs") add({ ...m, RW: mode === "ro" ? false : m.RW, Mode: mode ?? m.Mode });
  }
  for (const b of c.hostConfig.Binds ?? []) {
    const p = parseBind(b);
    if (p.source.startsWith("/")) add({ Type: "bind", Source: p.source, Destination: p.target, Mode: p.ro ? "ro" : "", RW: !p.ro, Propagation: "rprivate" });
    else {
      const name = p.source || d.newId("volume");
      const v = d.volumes.create(name, { anonymous: !p.source });
      add({ Type: "volume", Name: v.Name, Source: v.Mountpoint, Destination: p.target, Driver: "local", Mode: p.ro ? "ro" : "z", RW: !p.ro, Propagation: "" });
    }
  }
  for (const m of c.hostConfig.Mounts ?? []) {
    if (!m.Target.startsWith("/")) throw invalidParameter(`invalid mount config for type "${m.Type}": invalid mount path: '${m.Target}' mount path must be absolute`);
    if (m.Type === "volume") {
      const v = d.volumes.create(m.Source || d.newId("volume"), { anonymous: !m.Source });
      add({ Type: "volume", Name: v.Name, Source: v.Mountpoint, Destination: m.Target, Driver: "local", Mode: "z", RW: !m.ReadOnly, Propagation: "" });
    } else if (m.Type === "bind") {
      if (!d.machine.rootfs.node(split(m.Source))) throw invalidParameter(`invalid mount config for type "bind": bind source path does not exist: ${m.Source}`);
      add({ Type: "bind", Source: m.Source, Destination: m.Target, Mode: "", RW: !m.ReadOnly, Propagation: "rprivate" });
    } else add({ Type: "tmpfs", Source: "", Destination: m.Target, Mode: "", RW: !m.ReadOnly, Propagation: "" });
  }
  // --tmpfs mounts are not listed among the container's mounts (resolveMounts adds them)
  for (const t of Object.keys(c.hostConfig.Tmpfs ?? {})) {
    if (seen.has(normalize(t))) throw invalidParameter(`Duplicate mount point: ${normalize(t)}`);
    seen.add(normalize(t));
  }
  for (const t of Object.keys(c.config.Volumes ?? {})) {
    if (seen.has(normalize(t))) continue;
    const v = d.volumes.create(d.newId("volume"), { anonymous: true });
    add({ Type: "volume", Name: v.Name, Source: v.Mountpoint, Destination: t, Driver: "local", Mode: "", RW: true, Propagation: "" });
  }
  c.mounts = mounts;
}

/** Backends for c.mounts and --tmpfs; an empty volume gets the image's content at its path. */
export function resolveMounts(d: Daemon, c: Container, root: OverlayFs): ResolvedMount[] {
  const now = () => d.now();
  const tmpfs = Object.keys(c.hostConfig.Tmpfs ?? {}).map((t): ResolvedMount => (makeDir(d, root, t), { target: normalize(t), backend: new MemFs(newDir(0o1777, 0, 0, d.now()), now), readOnly: false, source: "tmpfs", fstype: "tmpfs" }));
  const noCopy = noCopyTargets(c);
  return [...tmpfs, ...c.mounts.map((m): ResolvedMount => {
    if (m.Type === "tmpfs") return { target: m.Destination, backend: new MemFs(newDir(0o1777, 0, 0, d.now()), now, !m.RW), readOnly: !m.RW, source: "tmpfs", fstype: "tmpfs" };
    if (m.Type === "bind") {
      const host = d.machine.rootfs;
      const parts = split(m.Source);
      let node = host.node(parts);
      if (!node) {
        for (let i = 1; i <= parts.length; i++) if (!host.node(parts.slice(0, i))) host.mkdir(parts.slice(0, i), { mode: 0o755 });
        node = host.node(parts)!;
      }
      return { target: m.Destination, backend: new MemFs(node, now, !m.RW), readOnly: !m.RW, source: "/dev/vda1", fstype: "ext4" };
    }
    const v = d.volumes.get(m.Name!);
    // an empty volume takes the image's content at the mount point, at every mount (not with nocopy)
    const lower = root.lstat(split(m.Destination));
    if (!noCopy.has(m.Destination) && lower && lower.type === "dir" && v.root.entries!.size === 0) {
      const src = deepCopy(nodeAt(root, m.Destination));
      v.root.entries = src.entries;
      v.root.nlink = src.nlink;
      v.root.mode = src.mode;
      v.root.uid = src.uid;
      v.root.gid = src.gid;
      v.root.mtime = src.mtime;
      v.populated = true;
    }
    return { target: m.Destination, backend: new MemFs(v.root, now, !m.RW), readOnly: !m.RW, source: "/dev/vda1", fstype: "ext4" };
  })];
}

/** A --tmpfs mount point missing from the image is made in the container's layer (0755), as runc does. */
function makeDir(d: Daemon, ro: OverlayFs, path: string): void {
  const root = new OverlayFs(ro.lowers, ro.upper, () => d.now());
  const parts = split(path);
  for (let i = 1; i <= parts.length; i++) {
    const at = parts.slice(0, i);
    if (root.lstat(at)) continue;
    try {
      root.mkdir(at, { mode: 0o755, uid: 0, gid: 0, mtime: d.now() });
    } catch {
      return;
    }
  }
}

/** Mount points whose volume is not to be filled from the image (-v name:/path:nocopy, volume-nocopy). */
function noCopyTargets(c: Container): Set<string> {
  const out = new Set<string>();
  for (const b of c.hostConfig.Binds ?? []) {
    const parts = b.split(":");
    if (parts.length === 3 && parts[2].split(",").includes("nocopy")) out.add(normalize(parts[1]));
  }
  for (const m of c.hostConfig.Mounts ?? []) if (m.Type === "volume" && m.NoCopy) out.add(normalize(m.Target));
  return out;
}

/** The merged directory at `path` as a standalone tree (for copying image content into a volume). */
function nodeAt(root: OverlayFs, path: string) {
  const fs = new MemFs(newDir(0o755, 0, 0, 0), () => 0);
  const copy = (from: string[], to: string[]) => {
    for (const name of root.readdir(from)) {
      const p = [...from, name];
      const st = root.lstat(p)!;
      const q = [...to, name];
      if (st.type === "dir") {
        fs.mkdir(q, st);
        copy(p, q);
        fs.setattr(q, { mtime: st.mtime });
      } else if (st.type === "symlink") fs.symlink(st.target ?? "", q, st);
      else if (st.type === "file") fs.writeFile(q, root.readFile(p), st);
    }
  };
  const st = root.lstat(split(path))!;
  copy(split(path), []);
  fs.setattr([], st);
  return fs.root;
}
