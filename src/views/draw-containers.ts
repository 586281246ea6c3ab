/**
 * The containers view: Docker's state diagram as SVG with every container placed on its state
 * and the way the last command took it highlighted, then one card per container with its
 * processes, mounts and limits.
 */
import type { StateStatus } from "../../simulator/daemon/container/state";
import { type ContainerCard, type ContainersModel, STATE_EDGES, STATE_NODES, type StateEdge } from "../../simulator/views/containers";
import { dl, h, s, table } from "./dom";
import { size } from "./draw-layers";
import type { ViewsStrings } from "./strings";

const W = 680;
const H = 380;
const NODE_W = 130;
const NODE_H = 56;
/** The model's layout is 600×300; the drawing spreads it a little for the names inside nodes. */
const POS: Record<StateStatus, { x: number; y: number }> = {
  created: { x: 75, y: 200 },
  running: { x: 300, y: 200 },
  paused: { x: 300, y: 80 },
  restarting: { x: 300, y: 330 },
  exited: { x: 505, y: 200 },
  removing: { x: 585, y: 80 },
  dead: { x: 585, y: 330 },
};

/** Hand-placed labels where the computed place collides with another label or a node. */
const LABELS: Partial<Record<string, { x: number; y: number; anchor: string }>> = {
  "running>restarting": { x: 290, y: 270, anchor: "end" },
  "restarting>running": { x: 310, y: 270, anchor: "start" },
  "removing>dead": { x: 597, y: 209, anchor: "start" },
};

const r1 = (n: number) => Math.round(n * 10) / 10;

/** Where the segment from the centre of `a` towards `b` leaves a's box. */
function exitPoint(a: { x: number; y: number }, b: { x: number; y: number }) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.min(dx ? NODE_W / 2 / Math.abs(dx) : Infinity, dy ? NODE_H / 2 / Math.abs(dy) : Infinity);
  return { x: a.x + dx * t, y: a.y + dy * t };
}

function edgeGeometry(e: StateEdge): { d: string; label: { x: number; y: number; anchor: string } } {
  const a = POS[e.from];
  const b = POS[e.to];
  if (e.from === "created" && e.to === "removing") {
    // around the top of the diagram, clear of the paused node
    const start = { x: a.x, y: a.y - NODE_H / 2 };
    const end = { x: b.x - NODE_W / 2, y: b.y - 6 };
    return { d: `M${start.x},${start.y} C${a.x},0 ${b.x - 240},0 ${end.x},${end.y}`, label: { x: 150, y: 36, anchor: "middle" } };
  }
  const len = Math.hypot(b.x - a.x, b.y - a.y);
  // perpendicular, so that A→B and B→A run side by side
  const n = { x: (b.y - a.y) / len, y: -(b.x - a.x) / len };
  const paired = STATE_EDGES.some((o) => o.from === e.to && o.to === e.from);
  const off = paired ? 7 : 0;
  const from = exitPoint(a, b);
  const to = exitPoint(b, a);
  const p1 = { x: from.x + n.x * off, y: from.y + n.y * off };
  const p2 = { x: to.x + n.x * off, y: to.y + n.y * off };
  const mid = { x: (p1.x + p2.x) / 2 + n.x * 10, y: (p1.y + p2.y) / 2 + n.y * 10 + 4 };
  const anchor = n.x > 0.3 ? "start" : n.x < -0.3 ? "end" : "middle";
  const label = LABELS[`${e.from}>${e.to}`] ?? { x: r1(mid.x), y: r1(mid.y), anchor };
  return { d: `M${r1(p1.x)},${r1(p1.y)} L${r1(p2.x)},${r1(p2.y)}`, label };
}

function namesLine(names: string[]): string {
  if (names.length === 0) return "";
  const shown = names.slice(0, 2).join(", ");
  return names.length > 2 ? `${shown} +${names.length - 2}` : shown;
}

function trailText(trail: StateStatus[]): string {
  return trail.join(" → ");
}

function diagram(m: ContainersModel, t: ViewsStrings): SVGSVGElement {
  const trailEdges = new Set<string>();
  const lastEdges = new Set<string>();
  const visited = new Set<StateStatus>();
  for (const c of [...m.containers, ...m.removed]) {
    c.trail.forEach((st, i) => {
      visited.add(st);
      if (i > 0) {
        const key = `${c.trail[i - 1]}>${st}`;
        trailEdges.add(key);
        if (i === c.trail.length - 1) lastEdges.add(key);
      }
    });
  }
  const byState = new Map<StateStatus, string[]>();
  for (const c of m.containers) byState.set(c.status, [...(byState.get(c.status) ?? []), c.name]);
  const summary = m.containers.length
    ? m.containers.map((c) => `${c.name}: ${c.trail.length > 1 ? trailText(c.trail) : c.status}`).join("; ")
    : t.diagramNone;
  const edges = STATE_EDGES.map((e) => {
    const g = edgeGeometry(e);
    const key = `${e.from}>${e.to}`;
    const cls = lastEdges.has(key) ? "ll-v-edge ll-v-edge--last" : trailEdges.has(key) ? "ll-v-edge ll-v-edge--trail" : "ll-v-edge";
    return s(
      "g",
      { class: cls, "data-edge": key },
      s("path", { d: g.d, "marker-end": `url(#${lastEdges.has(key) || trailEdges.has(key) ? "ll-v-arrow-on" : "ll-v-arrow"})` }),
      s("text", { x: g.label.x, y: g.label.y, "text-anchor": g.label.anchor, class: "ll-v-edge-label" }, e.label),
    );
  });
  const nodes = STATE_NODES.map((node) => {
    const p = POS[node.id];
    const names = byState.get(node.id) ?? [];
    const cls = `ll-v-node${names.length ? " ll-v-node--occupied" : ""}${visited.has(node.id) ? " ll-v-node--visited" : ""}`;
    return s(
      "g",
      { class: cls, "data-state": node.id, "data-count": names.length },
      s("rect", { x: p.x - NODE_W / 2, y: p.y - NODE_H / 2, width: NODE_W, height: NODE_H, rx: 10 }),
      s("text", { x: p.x, y: p.y - 6, "text-anchor": "middle", class: "ll-v-node-name" }, names.length ? `${node.id} (${names.length})` : node.id),
      names.length ? s("text", { x: p.x, y: p.y + 15, "text-anchor": "middle", class: "ll-v-node-containers" }, namesLine(names)) : null,
    );
  });
  return s(
    "svg",
    { class: "ll-v-diagram", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": t.diagramLabel(summary) },
    s(
      "defs",
      null,
      s("marker", { id: "ll-v-arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse", class: "ll-v-arrowhead" }, s("path", { d: "M0,0 L10,5 L0,10 z" })),
      s("marker", { id: "ll-v-arrow-on", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse", class: "ll-v-arrowhead ll-v-arrowhead--on" }, s("path", { d: "M0,0 L10,5 L0,10 z" })),
    ),
    edges,
    nodes,
  );
}

function limitsOf(c: ContainerCard, t: ViewsStrings): Node[] {
  const l = c.limits;
  const caps = [...l.capAdd.map((x) => `+${x}`), ...l.capDrop.map((x) => `−${x}`)].join(" ");
  const flags = [l.readonlyRootfs ? t.readOnlyRoot : "", l.privileged ? t.privileged : ""].filter(Boolean).join(", ");
  const nodes: Array<HTMLElement | null> = [
    dl([
      [t.memory, l.memory ? size(l.memory) : t.unlimited],
      [t.cpus, l.cpus ? String(l.cpus) : t.unlimited],
      [t.pids, l.pidsLimit !== null ? String(l.pidsLimit) : t.unlimited],
      caps ? [t.capabilities, caps] : null,
    ]),
    flags ? h("p", { class: "ll-v-note" }, flags) : null,
    l.usage ? h("p", { class: "ll-v-note" }, t.usage(size(l.usage.memory), size(l.usage.memoryLimit), l.usage.pids)) : null,
  ];
  return nodes.filter((n): n is HTMLElement => n !== null);
}

function containerCard(c: ContainerCard, t: ViewsStrings): HTMLElement {
  return h(
    "details",
    { class: `ll-v-card ll-v-card--${c.status}`, "data-container": c.name, "data-key": `container:${c.id}` },
    h(
      "summary",
      { "data-key": `summary:${c.id}` },
      h("strong", null, c.name),
      " ",
      h("span", { class: `ll-v-badge ll-v-badge--${c.status}`, "data-status": c.status }, c.status),
      " ",
      h("span", { class: "ll-v-muted" }, c.statusText),
    ),
    dl([
      [t.image, h("code", null, c.image)],
      [t.command, h("code", null, c.command)],
      c.trail.length > 1 ? [t.trail, trailText(c.trail)] : null,
      c.health ? ["health", c.health] : null,
    ]),
    c.restartPolicy !== "no" ? h("p", { class: "ll-v-note" }, t.restart(c.restartPolicy, c.restartCount)) : null,
    c.oomKilled ? h("p", { class: "ll-v-note ll-v-error" }, t.oomKilled) : null,
    h("h5", null, t.processes),
    c.processes.length
      ? table(
          t.processes,
          [t.pid, t.nsPid, t.user, t.state, t.command],
          c.processes.map((p) => [String(p.pid), String(p.nsPid), String(p.uid), p.state, h("code", null, p.command)]),
          { hideCaption: true },
        )
      : h("p", { class: "ll-v-muted" }, t.noProcesses),
    h("h5", null, t.mounts),
    c.mounts.length
      ? h(
          "ul",
          { class: "ll-v-list" },
          c.mounts.map((mt) => h("li", null, `${mt.type} `, mt.source ? [h("code", null, mt.source), " → "] : "", h("code", null, mt.destination), mt.rw ? "" : " (ro)")),
        )
      : h("p", { class: "ll-v-muted" }, t.noMounts),
    h("h5", null, t.limits),
    limitsOf(c, t),
  );
}

export function drawContainers(m: ContainersModel, t: ViewsStrings): Node[] {
  const out: Node[] = [diagram(m, t)];
  if (m.removed.length) {
    out.push(
      h("h4", { class: "ll-v-subtitle" }, t.removedTitle),
      h(
        "ul",
        { class: "ll-v-list ll-v-removed" },
        m.removed.map((r) => h("li", { "data-removed": r.name }, t.removed(r.name, trailText(r.trail)))),
      ),
    );
  }
  if (!m.containers.length) out.push(h("p", { class: "ll-v-empty" }, t.noContainers));
  else out.push(h("div", { class: "ll-v-cards" }, m.containers.map((c) => containerCard(c, t))));
  return out;
}
