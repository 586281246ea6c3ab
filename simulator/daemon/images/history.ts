/**
 * docker history (moby's ImageHistory): one row per history entry, newest first, each with the
 * size of the layer it made (0 for empty_layer steps). IDs are known only along the parent
 * chain the classic builder and commit record; other rows are "<missing>".
 */
import { familiarString, parseNormalizedNamed } from "../../api/reference";
import { LayerStore } from "../../snapshots/layers";
import type { Daemon } from "../daemon";
import { systemError } from "../errdefs";
import { getImage } from "./lookup";

export interface HistoryItem {
  ID: string;
  /** Seconds since the epoch. */
  Created: number;
  CreatedBy: string;
  Tags: string[] | null;
  Size: number;
  Comment: string;
}

export function imageHistory(d: Daemon, ref: string): HistoryItem[] {
  const img = getImage(d, ref);
  const layers = LayerStore.stack(img.top);
  let n = 0;
  const items: HistoryItem[] = [];
  for (const h of img.config.history) {
    let size = 0;
    if (!h.empty_layer) {
      const l = layers[n++];
      if (!l) throw systemError("too many non-empty layers in History section");
      size = l.size;
    }
    items.unshift({ ID: "<missing>", Created: Math.floor(Date.parse(h.created) / 1000), CreatedBy: h.created_by ?? "", Tags: null, Size: size, Comment: h.comment ?? "" });
  }
  let cur: typeof img | undefined = img;
  for (const item of items) {
    item.ID = cur.id;
    const tags = d.images.tagsOf(cur.id).map((k) => {
      const r = parseNormalizedNamed(k);
      return r.ok ? familiarString(r.ref) : k;
    });
    item.Tags = tags.length ? tags : null;
    if (!cur.parent) break;
    cur = d.images.get(cur.parent);
    if (!cur) break;
  }
  return items;
}
