/**
 * docker diff (moby's overlay changes): what the container's writable layer holds compared with
 * the layers under it. A whiteout is a deletion (D); an entry that also exists below is a change
 * (C), including every directory copied up to hold a change; anything else was added (A). The
 * contents of an opaque directory replace what was below without listing it as deleted.
 */
import type { Inode } from "../fs/inode";
import { LayerStore } from "../snapshots/layers";
import { OverlayFs } from "../snapshots/overlay";
import { OPAQUE, isWhiteoutName } from "../snapshots/whiteout";
import type { Daemon } from "./daemon";

export interface Change {
  Path: string;
  /** 0 modified, 1 added, 2 deleted (the Engine API's kinds). */
  Kind: 0 | 1 | 2;
}

export const KIND_LETTER = ["C", "A", "D"] as const;

export function containerChanges(d: Daemon, ref: string): Change[] {
  const c = d.mustContainer(ref);
  if (!c.rw) return [];
  const img = d.images.get(c.image);
  const lowers = [c.init!, ...LayerStore.stack(img?.top ?? null).reverse().map((l) => l.root)];
  const below = new OverlayFs(lowers, undefined, () => d.now(), true);
  const out: Change[] = [];
  const visit = (dir: Inode, path: string[]) => {
    const names = [...dir.entries!.keys()].filter((n) => n !== OPAQUE).sort();
    for (const name of names) {
      const node = dir.entries!.get(name)!;
      if (isWhiteoutName(name)) {
        out.push({ Path: "/" + [...path, name.slice(4)].join("/"), Kind: 2 });
        continue;
      }
      const p = [...path, name];
      out.push({ Path: "/" + p.join("/"), Kind: below.lstat(p) ? 0 : 1 });
      if (node.type === "dir") visit(node, p);
    }
  };
  visit(c.rw, []);
  return out;
}
