/**
 * The merged view of a stack of layer trees as one plain tree, the way the union mount shows
 * it: whiteouts hide what lies below, opaque directories hide lower directories' entries, and
 * the marker entries themselves are gone. Directories are new nodes (the top-most one's
 * metadata); everything else is shared with the layers, so hard links stay recognisable.
 * `docker export` writes this tree.
 */
import { type Inode, newDir } from "../fs/inode";
import { OPAQUE, isWhiteoutName, whiteoutFor } from "./whiteout";

/** Merge directories given top first (the caller stops the list at an opaque directory). */
function mergeDirs(dirs: Inode[]): Inode {
  const top = dirs[0];
  const out = newDir(top.mode, top.uid, top.gid, top.mtime);
  const names: string[] = [];
  const known = new Set<string>();
  for (const d of dirs) {
    for (const name of d.entries!.keys()) {
      if (isWhiteoutName(name) || known.has(name)) continue;
      known.add(name);
      names.push(name);
    }
  }
  for (const name of names) {
    let visible: Inode | undefined;
    const below: Inode[] = [];
    for (const d of dirs) {
      const e = d.entries!.get(name);
      if (e) {
        if (!visible) visible = e;
        else if (visible.type !== "dir" || e.type !== "dir") break;
        if (e.type === "dir") below.push(e);
        if (e.type !== "dir" || e.entries!.has(OPAQUE)) break;
      }
      if (d.entries!.has(whiteoutFor(name))) break;
    }
    if (!visible) continue;
    if (visible.type === "dir") {
      out.entries!.set(name, mergeDirs(below));
      out.nlink++;
    } else out.entries!.set(name, visible);
  }
  return out;
}

/** One tree for the union of `layers` (top first, e.g. [rw, init, image top, ..., image bottom]). */
export function flatten(layers: readonly Inode[]): Inode {
  const dirs: Inode[] = [];
  for (const l of layers) {
    dirs.push(l);
    if (l.entries!.has(OPAQUE)) break;
  }
  return mergeDirs(dirs);
}
