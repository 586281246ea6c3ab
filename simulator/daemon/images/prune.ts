/**
 * docker image prune (moby's ImagesPrune): dangling images by default, every image no container
 * uses with -a; tagged images are untagged one reference at a time, conflicts skipped quietly.
 * The space reclaimed is the size of the layers actually freed.
 */
import { treeSize } from "../../fs/inode";
import type { Daemon } from "../daemon";
import { removeContainerNow } from "../delete";
import { newestFirst } from "../list";
import { type DeleteRecord, imageDelete } from "./delete";
import { collectRetired } from "./release";
import { danglingOf, matchLabels, parseFilters, untilOf } from "./prune-filters";

export interface PruneReport {
  deleted: DeleteRecord[];
  reclaimed: number;
}

export function imagesPrune(d: Daemon, filterList: readonly string[]): PruneReport {
  const f = parseFilters(filterList, ["dangling", "label", "label!", "until"]);
  const danglingOnly = danglingOf(f);
  const until = untilOf(f, d.now());
  const sizes = new Map([...d.layers.byChain].map(([k, l]) => [k, l.size]));
  const candidates = [...d.images.images.values()].filter((img) => {
    const children = d.images.children(img.id).length;
    if (danglingOnly && children > 0) return false;
    if (d.images.tagsOf(img.id).length === 0 && children > 0) return false;
    if (until !== null && Date.parse(img.config.created) > until) return false;
    return matchLabels(f, img.config.config?.Labels ?? null);
  });
  const deleted: DeleteRecord[] = [];
  const tryDelete = (ref: string) => {
    try {
      deleted.push(...imageDelete(d, ref, { force: false, prune: true }));
    } catch (e) {
      if (!(e instanceof Error && e.name === "DaemonError" && /^(conflict|No such image|reference does not exist)/.test(e.message))) throw e;
    }
  };
  for (const img of candidates) {
    if (!d.images.get(img.id)) continue;
    const refs = d.images.tagsOf(img.id);
    if (refs.length > 0) {
      if (danglingOnly) continue;
      for (const ref of refs) tryDelete(ref);
    } else tryDelete(img.id.slice("sha256:".length));
  }
  let reclaimed = 0;
  for (const r of deleted) if ("Deleted" in r) reclaimed += sizes.get(r.Deleted) ?? 0;
  d.events.emit({ Type: "image", Action: "prune", Actor: { ID: "", Attributes: { reclaimed: String(reclaimed) } }, time: d.now() });
  return { deleted, reclaimed };
}

/** docker container prune (moby's ContainersPrune): every container not running, newest first. */
export function containersPrune(d: Daemon, filterList: readonly string[]): { deleted: string[]; reclaimed: number } {
  const f = parseFilters(filterList, ["label", "label!", "until"]);
  const until = untilOf(f, d.now());
  const deleted: string[] = [];
  let reclaimed = 0;
  for (const c of newestFirst(d)) {
    if (c.state.Running || c.state.Restarting) continue;
    if (until !== null && c.created > until) continue;
    if (!matchLabels(f, c.config.Labels)) continue;
    reclaimed += c.rw ? treeSize(c.rw) : 0;
    removeContainerNow(d, c, false);
    deleted.push(c.id);
  }
  collectRetired(d);
  d.events.emit({ Type: "container", Action: "prune", Actor: { ID: "", Attributes: { reclaimed: String(reclaimed) } }, time: d.now() });
  return { deleted, reclaimed };
}
