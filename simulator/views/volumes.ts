/**
 * The volumes view's model: named and anonymous volumes (with their size and where they live on
 * the host), bind mounts grouped by host path, tmpfs mounts, and for each the containers that use
 * it, where, and whether read-only.
 */
import type { Container } from "../daemon/container/container";
import { parseBind } from "../daemon/container/volumes";
import type { Daemon } from "../daemon/daemon";
import { type Inode, treeSize, walk } from "../fs/inode";

export interface VolumeUser {
  container: string;
  shortId: string;
  running: boolean;
  destination: string;
  rw: boolean;
}

export interface VolumeCard {
  name: string;
  anonymous: boolean;
  /** Where the local driver keeps its data on the host. */
  mountpoint: string;
  createdAt: string;
  labels: Record<string, string>;
  bytes: number;
  files: number;
  users: VolumeUser[];
}

export interface BindCard {
  /** The host path. */
  source: string;
  /** Whether the host path exists (a missing source is created as a directory at start). */
  exists: boolean;
  users: VolumeUser[];
}

export interface TmpfsRow {
  container: string;
  shortId: string;
  destination: string;
}

export interface VolumesModel {
  volumes: VolumeCard[];
  binds: BindCard[];
  tmpfs: TmpfsRow[];
}

interface Use {
  type: "volume" | "bind" | "tmpfs";
  source: string;
  destination: string;
  rw: boolean;
}

/** The mounts a container has, or (never started yet) the ones its -v/--mount options ask for. */
function usesOf(c: Container): Use[] {
  const tmpfs = Object.keys(c.hostConfig.Tmpfs ?? {}).map((t): Use => ({ type: "tmpfs", source: "", destination: t, rw: true }));
  if (c.hasBeenStarted) {
    return [...c.mounts.map((m): Use => ({ type: m.Type, source: m.Type === "volume" ? (m.Name ?? "") : m.Source, destination: m.Destination, rw: m.RW })), ...tmpfs];
  }
  const out: Use[] = [];
  for (const b of c.hostConfig.Binds ?? []) {
    try {
      const p = parseBind(b);
      if (p.source) out.push({ type: p.source.startsWith("/") ? "bind" : "volume", source: p.source, destination: p.target, rw: !p.ro });
    } catch {
      /* refused at create already */
    }
  }
  for (const m of c.hostConfig.Mounts ?? []) if (m.Source || m.Type === "tmpfs") out.push({ type: m.Type, source: m.Source, destination: m.Target, rw: !m.ReadOnly });
  return [...out, ...tmpfs];
}

function fileCount(root: Inode): number {
  let n = 0;
  walk(root, (_p, node) => {
    if (node.type !== "dir") n++;
  });
  return n;
}

export function volumesView(d: Daemon): VolumesModel {
  const containers = [...d.containers.values()].sort((a, b) => a.created - b.created);
  const uses = containers.flatMap((c) => usesOf(c).map((u) => ({ c, u })));
  const user = (c: Container, u: Use): VolumeUser => ({ container: c.name, shortId: c.shortId, running: c.state.Running, destination: u.destination, rw: u.rw });
  const volumes: VolumeCard[] = [...d.volumes.volumes.values()]
    .sort((a, b) => Number(a.anonymous) - Number(b.anonymous) || a.Name.localeCompare(b.Name))
    .map((v) => ({
      name: v.Name,
      anonymous: v.anonymous,
      mountpoint: v.Mountpoint,
      createdAt: v.CreatedAt,
      labels: { ...(v.Labels ?? {}) },
      bytes: treeSize(v.root),
      files: fileCount(v.root),
      users: uses.filter(({ u }) => u.type === "volume" && u.source === v.Name).map(({ c, u }) => user(c, u)),
    }));
  const binds = new Map<string, BindCard>();
  for (const { c, u } of uses) {
    if (u.type !== "bind") continue;
    let b = binds.get(u.source);
    if (!b) {
      b = { source: u.source, exists: d.machine.rootfs.node(u.source.split("/").filter(Boolean)) !== null, users: [] };
      binds.set(u.source, b);
    }
    b.users.push(user(c, u));
  }
  const tmpfs = uses.filter(({ u }) => u.type === "tmpfs").map(({ c, u }) => ({ container: c.name, shortId: c.shortId, destination: u.destination }));
  return { volumes, binds: [...binds.values()].sort((a, b) => a.source.localeCompare(b.source)), tmpfs };
}
