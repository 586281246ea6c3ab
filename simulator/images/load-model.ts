/** Turns a generated image model (see scripts/gen-busybox-model.ts) into a layer tree. */
import type { Inode } from "../fs/inode";
import { nextIno } from "../fs/inode";
import { programBytes } from "../runtime/exec";
import { base64Decode } from "../util/bytes";

/** Build the inode tree of a one-layer model. `programFor(path)` names the program a large executable runs. */
export function treeFromEntries(entries: string, programFor: (path: string) => string): Inode {
  const root: Inode = { ino: nextIno(), type: "dir", mode: 0o755, uid: 0, gid: 0, mtime: 0, nlink: 2, entries: new Map() };
  const byPath = new Map<string, Inode>();
  byPath.set("", root);
  for (const line of entries.split("\n")) {
    const [kind, path, mode, uid, gid, mtime, extra] = line.split("\t");
    const slash = path.lastIndexOf("/");
    const parent = byPath.get(slash < 0 ? "" : path.slice(0, slash))!;
    const name = path.slice(slash + 1);
    const meta = { ino: nextIno(), mode: parseInt(mode, 8), uid: Number(uid), gid: Number(gid), mtime: Number(mtime) * 1000, nlink: 1 };
    let n: Inode;
    switch (kind) {
      case "d":
        n = { ...meta, type: "dir", nlink: 2, entries: new Map() };
        parent.nlink++;
        break;
      case "f":
        n = { ...meta, type: "file", data: base64Decode(extra) };
        break;
      case "x":
        n = { ...meta, type: "file", data: programBytes(programFor(path), Number(extra)) };
        break;
      case "l":
        n = { ...meta, type: "symlink", target: extra };
        break;
      case "h":
        n = byPath.get(extra)!;
        n.nlink++;
        break;
      default:
        throw new Error(`bad model line: ${line}`);
    }
    parent.entries!.set(name, n);
    byPath.set(path, n);
  }
  return root;
}
