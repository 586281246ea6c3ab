/**
 * docker system prune: what `container prune`, `network prune`, `image prune` (dangling, or all
 * unused with -a), `builder prune` and, with --volumes, `volume prune` remove, in that order,
 * in one report. Volumes follow current Docker: only anonymous ones (see docs/differences.md).
 */
import { buildCacheOf, usedByImages } from "../../../builder/cache";
import { containersPrune, imagesPrune } from "../../../daemon/images/prune";
import { layersInUse } from "../../../daemon/images/release";
import { networkPrune } from "../../../daemon/network/manage";
import { volumePrune } from "../../../daemon/volume/manage";
import { bool, list, type Command } from "../../command";
import { humanSize } from "../../formatter/units";
import { registerCommand } from "../../registry";
import { confirm } from "../image/io";

function warning(all: boolean, volumes: boolean): string {
  const items = ["all stopped containers", "all networks not used by at least one container"];
  if (volumes) items.push("all anonymous volumes not used by at least one container");
  items.push(all ? "all images without at least one container associated to them" : "all dangling images");
  items.push(all ? "all build cache" : "unused build cache");
  return `WARNING! This will remove:\n${items.map((i) => `  - ${i}\n`).join("")}\nAre you sure you want to continue?`;
}

registerCommand({
  path: "docker system prune",
  use: "[OPTIONS]",
  short: "Remove unused data",
  args: { kind: "none" },
  flags: [
    { long: "all", short: "a", type: "bool", usage: "Remove all unused images not just dangling ones" },
    { long: "filter", type: "filter", usage: 'Provide filter values (e.g. "label=<key>=<value>")' },
    { long: "force", short: "f", type: "bool", usage: "Do not prompt for confirmation" },
    { long: "volumes", type: "bool", usage: "Prune anonymous volumes" },
  ],
  async run(env, v) {
    const all = bool(v, "all");
    const volumes = bool(v, "volumes");
    if (!bool(v, "force") && !(await confirm(env, warning(all, volumes)))) return 0;
    const d = env.daemon;
    const filters = list(v, "filter");
    let out = "";
    let reclaimed = 0;
    const containers = containersPrune(d, filters);
    if (containers.deleted.length) out += "Deleted Containers:\n" + containers.deleted.map((id) => id + "\n").join("") + "\n";
    reclaimed += containers.deleted.length ? containers.reclaimed : 0;
    if (volumes) {
      const vols = volumePrune(d, filters, false);
      if (vols.deleted.length) out += "Deleted Volumes:\n" + vols.deleted.map((n) => n + "\n").join("") + "\n";
      reclaimed += vols.reclaimed;
    }
    const nets = networkPrune(d, []);
    if (nets.length) out += "Deleted Networks:\n" + nets.map((n) => n + "\n").join("") + "\n";
    const images = imagesPrune(d, [...filters, `dangling=${!all}`]);
    if (images.deleted.length) out += "Deleted Images:\n" + images.deleted.map((r) => ("Untagged" in r ? `untagged: ${r.Untagged}\n` : `deleted: ${r.Deleted}\n`)).join("") + "\n";
    reclaimed += images.reclaimed;
    const cache = buildCacheOf(d).prune(all ? () => false : usedByImages(d));
    d.layers.gc(layersInUse(d));
    if (cache.length) out += "Deleted build cache objects:\n" + cache.map((r) => r.id + "\n").join("") + "\n";
    reclaimed += cache.reduce((n, r) => n + r.size, 0);
    await env.out(out + `Total reclaimed space: ${humanSize(reclaimed)}\n`);
    return 0;
  },
} satisfies Command);
