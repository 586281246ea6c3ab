/**
 * The init layer Docker puts between an image and a container's writable layer (moby's
 * daemon/initlayer): mount points and placeholder files, so that `docker export` shows
 * /.dockerenv and /etc/hostname while `docker diff` does not.
 */
import { type Inode, newDir, nextIno } from "../../fs/inode";

export function initLayer(now: number): Inode {
  const root = newDir(0o755, 0, 0, now);
  const dir = (parent: Inode, name: string): Inode => {
    const d = newDir(0o755, 0, 0, now);
    parent.entries!.set(name, d);
    parent.nlink++;
    return d;
  };
  const file = (parent: Inode, name: string) => parent.entries!.set(name, { ino: nextIno(), type: "file", mode: 0o755, uid: 0, gid: 0, mtime: now, nlink: 1, data: new Uint8Array(0) });
  const dev = dir(root, "dev");
  dir(dev, "pts");
  dir(dev, "shm");
  file(dev, "console");
  const etc = dir(root, "etc");
  for (const f of ["hostname", "hosts", "resolv.conf"]) file(etc, f);
  etc.entries!.set("mtab", { ino: nextIno(), type: "symlink", mode: 0o777, uid: 0, gid: 0, mtime: now, nlink: 1, target: "/proc/mounts" });
  dir(root, "proc");
  dir(root, "sys");
  file(root, ".dockerenv");
  return root;
}
