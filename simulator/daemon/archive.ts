/**
 * The daemon's side of docker cp (moby's daemon/archive.go): stat a path in a container, archive
 * it as a tar, and extract a tar into a directory of it. A running container is read through its
 * own mounts; a stopped one through its layers plus its volumes and bind mounts.
 */
import { split } from "../fs/path";
import { rootCred } from "../runtime/cred";
import { MountTable } from "../runtime/mounts";
import { Vfs } from "../runtime/vfs";
import { MemFs } from "../fs/memfs";
import { text } from "../util/bytes";
import { ArchiveError, splitDirEntry, tarPath, untar } from "./container/archive-fs";
import type { Container } from "./container/container";
import { rootOverlay } from "./container/mounts";
import { resolveMounts } from "./container/volumes";
import type { Daemon } from "./daemon";
import { DaemonError, invalidParameter, notFound, systemError } from "./errdefs";

export interface PathStat {
  name: string;
  size: number;
  type: "file" | "dir" | "symlink" | "chardev" | "fifo" | "socket";
  mode: number;
  mtime: number;
  linkTarget: string;
}

/**
 * The container's filesystem as the daemon sees it for docker cp: its layers, its volumes and
 * bind mounts and the /etc files Docker writes, but not the runtime's mounts (/proc, /dev, /sys)
 * nor its tmpfs mounts, which live only inside the container.
 */
export function containerFs(d: Daemon, c: Container): Vfs {
  const img = d.images.mustGet(c.image);
  const root = rootOverlay(c, img.top, () => d.now());
  const mounts = new MountTable();
  mounts.add({ at: [], backend: root, readOnly: c.hostConfig.ReadonlyRootfs, source: "overlay", fstype: "overlay", options: "" });
  // tmpfs mounts are left out (a view of the container without them, so nothing is made for them)
  const view = Object.create(c, { hostConfig: { value: { ...c.hostConfig, Tmpfs: null } } }) as Container;
  for (const m of resolveMounts(d, view, root)) if (m.fstype !== "tmpfs") mounts.add({ at: split(m.target), backend: m.backend, readOnly: m.readOnly, source: m.source, fstype: m.fstype, options: "" });
  if (c.hasBeenStarted && c.etcFiles) {
    const e = c.etcFiles;
    for (const [name, node] of [["resolv.conf", e.resolv], ["hostname", e.hostname], ["hosts", e.hosts]] as const) {
      mounts.add({ at: ["etc", name], backend: new MemFs(node, () => d.now()), readOnly: false, source: "", fstype: "", options: "" });
    }
  }
  return new Vfs(mounts, rootCred(), "/", () => d.now(), d.machine.devices, 0);
}

function checkPath(path: string): void {
  if (path === "") throw invalidParameter("bad parameter: pathcannot be empty");
}

/** The path as the container sees it: relative paths are taken from its root. */
const absolute = (path: string) => (path.startsWith("/") ? path : "/" + path);

export function containerStatPath(d: Daemon, ref: string, path: string): PathStat {
  checkPath(path);
  const c = d.mustContainer(ref);
  const fs = containerFs(d, c);
  let st;
  try {
    st = fs.lstat(absolute(path));
  } catch {
    throw notFound(`Could not find the file ${path} in container ${ref}`);
  }
  let linkTarget = "";
  if (st.type === "symlink") {
    try {
      linkTarget = fs.realpath(absolute(path));
    } catch {
      linkTarget = st.target ?? "";
    }
  }
  return { name: splitDirEntry(absolute(path))[1], size: st.size, type: st.type as PathStat["type"], mode: st.mode, mtime: st.mtime, linkTarget };
}

/** ContainerArchivePath: the tar of `path` (its base as the top entry) and its stat. */
export function containerArchivePath(d: Daemon, ref: string, path: string): { stat: PathStat; tar: Uint8Array } {
  const stat = containerStatPath(d, ref, path);
  const c = d.mustContainer(ref);
  const fs = containerFs(d, c);
  const abs = absolute(path);
  const follow = abs.endsWith("/") || abs.endsWith("/.");
  const [, base] = splitDirEntry(abs);
  const target = follow ? fs.realpath(abs) : abs;
  const names = hostNames(d);
  const tar = tarPath(fs, target, base, (uid, gid) => ({ uname: names.users.get(uid), gname: names.groups.get(gid) }));
  d.events.emit({ Type: "container", Action: "archive-path", Actor: { ID: c.id, Attributes: { name: c.name, path } }, time: d.now() });
  return { stat: follow ? { ...stat, type: "dir" } : stat, tar };
}

/** PutArchive: extract `tar` into the existing directory `path` of the container. */
export function containerExtractToDir(d: Daemon, ref: string, path: string, tar: Uint8Array, opts: { noOverwriteDirNonDir: boolean; copyUIDGID: boolean }): void {
  checkPath(path);
  const c = d.mustContainer(ref);
  const fs = containerFs(d, c);
  const abs = absolute(path);
  let isDir: boolean;
  try {
    isDir = fs.stat(abs).type === "dir";
  } catch {
    throw notFound(`Could not find the file ${path} in container ${ref}`);
  }
  if (!isDir) throw invalidParameter("extraction point is not a directory");
  const mount = fs.mountOf(abs);
  if (mount.readOnly) throw invalidParameter(mount.at.length === 0 ? "container rootfs is marked read-only" : "mounted volume is marked read-only");
  let chown: { uid: number; gid: number } | undefined;
  if (opts.copyUIDGID && c.config.User) {
    const [u, g] = c.config.User.split(":");
    const users = [...hostNamesIn(fs, "/etc/passwd")];
    const pw = users.find((x) => x[0] === u || x[2] === u);
    if (pw) chown = { uid: Number(pw[2]), gid: g !== undefined && /^\d+$/.test(g) ? Number(g) : Number(pw[3]) };
  }
  try {
    untar(fs, tar, fs.realpath(abs), { noLchown: false, noOverwriteDirNonDir: opts.noOverwriteDirNonDir, chown });
  } catch (e) {
    if (e instanceof DaemonError) throw e;
    throw systemError(e instanceof ArchiveError ? e.message : e instanceof Error ? e.message : String(e));
  }
  d.events.emit({ Type: "container", Action: "extract-to-dir", Actor: { ID: c.id, Attributes: { name: c.name, path } }, time: d.now() });
}

function* hostNamesIn(fs: Vfs, file: string): Generator<string[]> {
  let body = "";
  try {
    body = text(fs.readFile(file));
  } catch {
    return;
  }
  for (const line of body.split("\n")) if (line && !line.startsWith("#")) yield line.split(":");
}

/** User and group names of the daemon's machine, as Go's FileInfoHeader looks them up. */
function hostNames(d: Daemon): { users: Map<number, string>; groups: Map<number, string> } {
  const users = new Map<number, string>();
  const groups = new Map<number, string>();
  const read = (file: string, into: Map<number, string>) => {
    try {
      for (const line of text(d.machine.rootfs.readFile(split(file))).split("\n")) {
        const f = line.split(":");
        if (f.length > 2 && /^\d+$/.test(f[2]) && !into.has(Number(f[2]))) into.set(Number(f[2]), f[0]);
      }
    } catch {
      /* none */
    }
  };
  read("/etc/passwd", users);
  read("/etc/group", groups);
  return { users, groups };
}
