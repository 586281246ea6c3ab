/**
 * A dive-like analysis of an image: for every layer the files it adds, modifies and removes;
 * the bytes wasted by files that a later layer overwrites or deletes (each superseded copy
 * counted once); and the efficiency score (1 - wasted / total layer bytes).
 */
import type { Image } from "../daemon/images/image";
import { type Inode } from "../fs/inode";
import { LayerStore } from "../snapshots/layers";
import { OPAQUE, hiddenName } from "../snapshots/whiteout";

export interface FileEntry {
  path: string;
  size: number;
}

export interface LayerAnalysis {
  diffId: string;
  size: number;
  createdBy: string;
  added: FileEntry[];
  modified: FileEntry[];
  removed: FileEntry[];
}

export interface Inefficiency {
  path: string;
  /** Copies of the path across layers (including removals). */
  copies: number;
  wastedBytes: number;
}

export interface ImageAnalysis {
  layers: LayerAnalysis[];
  totalBytes: number;
  wastedBytes: number;
  /** 1 when nothing is wasted. */
  efficiency: number;
  inefficiencies: Inefficiency[];
}

const sizeOf = (n: Inode) => (n.type === "file" ? (n.data?.length ?? 0) : n.type === "symlink" ? (n.target?.length ?? 0) : 0);

export function analyzeImage(img: Image): ImageAnalysis {
  const stack = LayerStore.stack(img.top);
  const layerHistory = img.config.history.filter((h) => !h.empty_layer);
  /** path -> sizes of its copies in layers so far; the last is the visible one (absent when removed). */
  const copies = new Map<string, { sizes: number[]; visible: boolean }>();
  const visibleBelow = (path: string) => copies.get(path)?.visible === true;
  const layers: LayerAnalysis[] = [];
  let total = 0;
  stack.forEach((layer, i) => {
    const la: LayerAnalysis = { diffId: layer.diffId, size: layer.size, createdBy: layerHistory[i]?.created_by ?? "", added: [], modified: [], removed: [] };
    total += layer.size;
    /** Hide a path and what is under it; an opaque directory hides only what is under it. */
    const removeUnder = (prefix: string, keepSelf = false) => {
      for (const [p, c] of copies) if (c.visible && ((p === prefix && !keepSelf) || p.startsWith(prefix + "/"))) {
        c.visible = false;
        la.removed.push({ path: p, size: c.sizes[c.sizes.length - 1] });
      }
    };
    const visit = (dir: Inode, prefix: string) => {
      if (dir.entries!.has(OPAQUE) && prefix) removeUnder(prefix, true);
      for (const name of [...dir.entries!.keys()].sort()) {
        const n = dir.entries!.get(name)!;
        if (name === OPAQUE) continue;
        const hidden = hiddenName(name);
        if (hidden !== null) {
          removeUnder(prefix ? `${prefix}/${hidden}` : hidden);
          continue;
        }
        const path = prefix ? `${prefix}/${name}` : name;
        if (n.type === "dir") {
          if (!visibleBelow(path)) {
            copies.set(path, { sizes: [0], visible: true });
            la.added.push({ path, size: 0 });
          }
          visit(n, path);
          continue;
        }
        const size = sizeOf(n);
        const c = copies.get(path);
        if (c?.visible) {
          la.modified.push({ path, size });
          c.sizes.push(size);
        } else {
          la.added.push({ path, size });
          copies.set(path, { sizes: [...(c?.sizes ?? []), size], visible: true });
        }
      }
    };
    visit(layer.root, "");
    layers.push(la);
  });
  const inefficiencies: Inefficiency[] = [];
  let wasted = 0;
  for (const [path, c] of copies) {
    const superseded = c.visible ? c.sizes.slice(0, -1) : c.sizes;
    if (c.sizes.length < 2 && c.visible) continue;
    const w = superseded.reduce((a, b) => a + b, 0);
    if (w === 0) continue;
    wasted += w;
    inefficiencies.push({ path, copies: c.sizes.length + (c.visible ? 0 : 1), wastedBytes: w });
  }
  inefficiencies.sort((a, b) => b.wastedBytes - a.wastedBytes || a.path.localeCompare(b.path));
  return { layers, totalBytes: total, wastedBytes: wasted, efficiency: total ? 1 - wasted / total : 1, inefficiencies };
}
