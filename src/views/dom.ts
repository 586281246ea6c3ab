/**
 * A tiny element builder for the views: HTML and SVG elements with attributes and children,
 * never markup strings and never style attributes (the page's CSP; classes do the styling).
 */
export type Child = Node | string | number | null | undefined | false | Child[];
export type Attrs = Record<string, string | number | boolean | null | undefined>;

function append(parent: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else parent.append(typeof c === "number" ? String(c) : c);
  }
}

function setAttrs(el: Element, attrs: Attrs | undefined): void {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "style") throw new Error("views: no style attributes (CSP)");
    el.setAttribute(k, v === true ? "" : String(v));
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs ?? undefined);
  append(el, children);
  return el;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
  setAttrs(el, attrs ?? undefined);
  append(el, children);
  return el;
}

/** A two-column list of terms and values; rows with a null value are left out. */
export function dl(rows: Array<[string, Child] | null>, className = "ll-v-dl"): HTMLDListElement {
  return h(
    "dl",
    { class: className },
    rows.filter((r): r is [string, Child] => r !== null && r[1] !== null && r[1] !== undefined).map(([k, v]) => [h("dt", null, k), h("dd", null, v)]),
  );
}

/** A table with a caption (visually hidden when `hideCaption`), header cells and rows. */
export function table(caption: string, head: string[], rows: Child[][], opts: { hideCaption?: boolean; className?: string } = {}): HTMLTableElement {
  return h(
    "table",
    { class: opts.className ?? "ll-v-table" },
    h("caption", { class: opts.hideCaption ? "sr-only" : null }, caption),
    h("thead", null, h("tr", null, head.map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", null, rows.map((r) => h("tr", null, r.map((c) => h("td", null, c))))),
  );
}

/** A horizontal bar for a share of a whole, as SVG (attributes, not styles). */
export function bar(value: number, max: number, className: string, label?: string): SVGSVGElement {
  const width = max > 0 ? Math.max(value > 0 ? 1 : 0, Math.round((value / max) * 100)) : 0;
  return s(
    "svg",
    { class: `ll-v-bar ${className}`, viewBox: "0 0 100 6", preserveAspectRatio: "none", "aria-hidden": label ? null : "true", role: label ? "img" : null, "aria-label": label ?? null },
    s("rect", { class: "ll-v-bar-track", x: 0, y: 0, width: 100, height: 6, rx: 1 }),
    s("rect", { class: "ll-v-bar-fill", x: 0, y: 0, width, height: 6, rx: 1 }),
  );
}
