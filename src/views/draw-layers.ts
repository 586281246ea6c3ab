/** The layer stack view: history bottom-up, then init and upper layers, then the merged tree. */
import { humanSizeWithPrecision } from "../../simulator/cli/formatter/units";
import type { LayerRow, LayerStackModel } from "../../simulator/views/layers";
import { bar, h, table } from "./dom";
import type { ViewsStrings } from "./strings";

export const size = (n: number) => humanSizeWithPrecision(n, 3);
const percent = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)} %`;

/** Layer numbers (1-based) for rows that are layers; other rows get none. */
function layerNumbers(rows: LayerRow[]): Array<number | null> {
  let n = 0;
  return rows.map((r) => (r.kind === "layer" ? ++n : null));
}

function rowTitle(m: LayerStackModel, i: number, numbers: Array<number | null>, t: ViewsStrings): string {
  const r = m.rows[i];
  return t.rowName(r.kind === "empty" ? "layer" : r.kind, numbers[i] ?? 0);
}

export function drawLayers(m: LayerStackModel | null, t: ViewsStrings): Node[] {
  if (!m) return [h("p", { class: "ll-v-empty" }, t.noImages)];
  const numbers = layerNumbers(m.rows);
  const layerCount = numbers.filter((n) => n !== null).length;
  const maxSize = Math.max(1, ...m.rows.map((r) => r.size));
  const name = m.subject.kind === "container" ? `${m.subject.name} (${m.subject.image})` : m.subject.name;
  const byName = (row: number) => {
    const r = m.rows[row];
    const label = rowTitle(m, row, numbers, t);
    return r.instruction ? `${label} (${r.instruction})` : label;
  };
  const items = m.rows.map((r, i) => {
    const kindClass = `ll-v-layer ll-v-layer--${r.kind}${r.wastedBytes ? " ll-v-layer--wastes" : ""}${r.whiteouts.length ? " ll-v-layer--whiteouts" : ""}`;
    const label =
      r.kind === "layer" ? t.layerLabel(numbers[i] ?? 0) : r.kind === "empty" ? t.emptyLayer : r.kind === "init" ? t.initLayer : t.upperLayer;
    const instruction = r.kind === "init" ? t.initLayerNote : r.kind === "upper" ? t.upperLayerNote : r.instruction;
    const marks: Node[] = [];
    for (const w of r.whiteouts) {
      marks.push(
        h(
          "li",
          { class: `ll-v-mark ll-v-mark--${w.kind}`, "data-mark": w.kind },
          w.kind === "whiteout" ? t.whiteout(w.entry, w.path, size(w.hiddenBytes), w.hiddenFiles) : t.opaque(w.entry, w.path, size(w.hiddenBytes), w.hiddenFiles),
        ),
      );
    }
    for (const w of r.wasted) {
      marks.push(h("li", { class: "ll-v-mark ll-v-mark--wasted", "data-mark": "wasted" }, t.wasted(w.path, size(w.bytes), w.fate, byName(w.byRow))));
    }
    const hasFiles = r.kind !== "empty" && (r.added + r.modified + r.removed > 0 || r.largest.length > 0);
    return h(
      "li",
      { class: kindClass, "data-row": i },
      h(
        "div",
        { class: "ll-v-layer-head" },
        h("span", { class: "ll-v-layer-label" }, label),
        h("code", { class: "ll-v-layer-instruction" }, instruction),
        h("span", { class: "ll-v-layer-size" }, r.kind === "empty" ? "0B" : size(r.size)),
      ),
      r.kind === "empty" ? null : bar(r.size, maxSize, r.kind === "upper" ? "ll-v-bar--upper" : "ll-v-bar--layer"),
      marks.length ? h("ul", { class: "ll-v-marks" }, marks) : null,
      hasFiles
        ? h(
            "p",
            { class: "ll-v-layer-files" },
            t.changes(r.added, r.modified, r.removed),
            r.largest.length
              ? [
                  " · ",
                  t.largest,
                  ": ",
                  r.largest.map((f, k) => [k ? ", " : "", h("code", null, `/${f.path}`), ` ${size(f.bytes)}`, f.links ? ` ${t.hardLinks(f.links)}` : ""]),
                ]
              : null,
          )
        : null,
    );
  });
  const merged = m.merged;
  return [
    h("h3", { class: "ll-v-title" }, t.stackTitle(name)),
    h(
      "p",
      { class: "ll-v-summary" },
      t.stackSummary(layerCount, m.rows.filter((r) => r.kind === "layer" || r.kind === "empty").length, size(m.totalBytes)),
      " ",
      h("span", { class: m.wastedBytes ? "ll-v-wasted-total" : null, "data-wasted": m.wastedBytes }, m.wastedBytes ? t.wastedSummary(size(m.wastedBytes), percent(m.efficiency)) : t.nothingWasted),
    ),
    h("ol", { class: "ll-v-stack", "aria-label": t.layersListLabel }, items),
    h("h4", { class: "ll-v-subtitle" }, t.mergedTitle),
    h("p", { class: "ll-v-summary" }, t.mergedSummary(merged.files, merged.dirs, size(merged.bytes), size(merged.hiddenBytes))),
    table(
      t.mergedTitle,
      [t.mergedName, t.mergedFiles, t.mergedSize, t.mergedFrom],
      merged.entries.map((e) => [h("code", null, `/${e.name}${e.type === "dir" ? "/" : ""}`), e.type === "dir" ? String(e.files) : "", size(e.bytes), rowTitle(m, e.fromRow, numbers, t)]),
      { hideCaption: true, className: "ll-v-table ll-v-merged" },
    ),
  ];
}
