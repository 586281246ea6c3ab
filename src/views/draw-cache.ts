/** The build cache view: the last build's steps in run order, HIT or MISS and why. */
import type { BuildCacheModel } from "../../simulator/views/build-cache";
import { h, table } from "./dom";
import { size } from "./draw-layers";
import type { ViewsStrings } from "./strings";

export function drawCache(m: BuildCacheModel | null, t: ViewsStrings): Node[] {
  if (!m) return [h("p", { class: "ll-v-empty" }, t.noBuild)];
  const multiStage = m.stages.length > 1;
  const head = [t.cacheStep, ...(multiStage ? [t.stage] : []), t.cacheInstruction, t.cacheResult, t.cacheWhy];
  const rows = m.rows.map((r) => [
    `[${r.index}]`,
    ...(multiStage ? [r.stage] : []),
    h("code", null, r.instruction),
    h("span", { class: `ll-v-badge ll-v-badge--${r.cache.toLowerCase()}`, "data-cache": r.cache }, r.cache),
    [r.cache === "HIT" ? t.cacheHit : t.missReason(r.reason), r.layerBytes ? h("span", { class: "ll-v-muted" }, ` (${size(r.layerBytes)})`) : null],
  ]);
  const nodes: Array<HTMLElement | null> = [
    h("h3", { class: "ll-v-title" }, t.buildTitle(m.number, m.source, m.builder)),
    h("p", { class: "ll-v-summary" }, t.buildSummary(m.hits, m.misses, m.tags.join(", "))),
    m.error ? h("p", { class: "ll-v-error", role: "note" }, t.buildFailed(m.error)) : null,
    table(t.buildTitle(m.number, m.source, m.builder), head, rows, { hideCaption: true, className: "ll-v-table ll-v-cache" }),
    h("p", { class: "ll-v-muted" }, t.metadataNote),
  ];
  return nodes.filter((n): n is HTMLElement => n !== null);
}
