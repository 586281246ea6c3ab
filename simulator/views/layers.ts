/**
 * The layer stack view's model: an image's history bottom-up (every instruction, with the layer
 * it made or marked as an empty layer), then a container's init and upper layers, then a summary
 * of the merged tree. Whiteouts and opaque directories are marked where they sit, and a file that
 * a later layer deletes or overwrites is marked in the layer that still holds it, with the bytes
 * it wastes (the builder's dive-like analysis gives the totals and the efficiency score).
 */
import { analyzeImage, type ImageAnalysis } from "../builder/analysis";
import { humanDuration } from "../cli/formatter/units";
import type { Container } from "../daemon/container/container";
import type { Daemon } from "../daemon/daemon";
import { familiar, lookupImage } from "../daemon/images/lookup";
import type { Image } from "../daemon/images/image";
import { type Inode, treeSize } from "../fs/inode";
import { LayerStore } from "../snapshots/layers";
import { OPAQUE, hiddenName } from "../snapshots/whiteout";

export type LayerRowKind = "layer" | "empty" | "init" | "upper";

/** A whiteout entry (".wh.<name>") or an opaque marker (".wh..wh..opq") stored in a layer. */
export interface WhiteoutMark {
  /** The path it hides (the opaque directory itself for an opaque marker), without a leading "/". */
  path: string;
  /** The entry as the layer stores it, e.g. "tmp/.wh.big" or "d/.wh..wh..opq". */
  entry: string;
  kind: "whiteout" | "opaque";
  /** Bytes of the files it hides that the layers below still hold. */
  hiddenBytes: number;
  hiddenFiles: number;
}

/** A file this layer holds that a later layer deletes or overwrites: its bytes stay in the image. */
export interface WastedMark {
  path: string;
  bytes: number;
  fate: "deleted" | "overwritten";
  /** The row (index into LayerStackModel.rows) whose layer deleted or overwrote it. */
  byRow: number;
}

export interface FileMark {
  path: string;
  bytes: number;
  /** Other names of the same file in the layer (hard links, counted once). */
  links: number;
}

export interface LayerRow {
  kind: LayerRowKind;
  /** The instruction as a learner reads it ("RUN rm /big"), from the history's CreatedBy. */
  instruction: string;
  /** CreatedBy exactly as `docker history --no-trunc` shows it ("" for init and upper rows). */
  createdBy: string;
  /** The history entry's time (RFC 3339), when the row comes from history. */
  created: string | null;
  /** The layer's diffID (null for empty layers, the init and upper layers). */
  diffId: string | null;
  /** Bytes the layer holds, counted as overlay2 counts a diff (0 for empty layers). */
  size: number;
  added: number;
  modified: number;
  removed: number;
  /** The largest files the layer adds or changes (at most FILES_SHOWN), largest first. */
  largest: FileMark[];
  whiteouts: WhiteoutMark[];
  wasted: WastedMark[];
  wastedBytes: number;
}

export interface MergedEntry {
  /** A top-level name of the merged tree ("bin", "etc", "big"). */
  name: string;
  type: "dir" | "file" | "symlink" | "other";
  files: number;
  bytes: number;
  /** The highest row any visible file under it comes from. */
  fromRow: number;
}

export interface MergedSummary {
  files: number;
  dirs: number;
  bytes: number;
  /** Bytes the layers hold that the merged tree does not show (deleted or overwritten). */
  hiddenBytes: number;
  entries: MergedEntry[];
}

export type LayerSubject =
  | { kind: "image"; id: string; shortId: string; name: string; tags: string[] }
  | { kind: "container"; id: string; shortId: string; name: string; image: string; status: string };

export interface LayerStackModel {
  subject: LayerSubject;
  /** Bottom-up: the image's history, then (for a container) its init and upper layers. */
  rows: LayerRow[];
  merged: MergedSummary;
  /** The builder's analysis of the image layers. */
  totalBytes: number;
  wastedBytes: number;
  /** 1 when nothing is wasted. */
  efficiency: number;
  inefficiencies: ImageAnalysis["inefficiencies"];
}

/** One entry of the view's subject picker. */
export interface SubjectChoice {
  /** "image:<id>" or "container:<id>". */
  key: string;
  kind: "image" | "container";
  label: string;
}

export const FILES_SHOWN = 5;

/** "RUN rm /big" from "RUN /bin/sh -c rm /big # buildkit" or "/bin/sh -c rm /big"; "CMD [...]" from "#(nop)". */
export function instructionOf(createdBy: string): string {
  let s = createdBy.trim().replace(/\s+# buildkit$/, "");
  const nop = /^\/bin\/sh -c #\(nop\)\s+(.*)$/s.exec(s);
  if (nop) return nop[1].trim();
  const legacyRun = /^\/bin\/sh -c (.*)$/s.exec(s);
  if (legacyRun) return `RUN ${legacyRun[1]}`;
  // BuildKit: RUN [|<n> ARG=v ...] /bin/sh -c <cmd>
  const run = /^RUN (?:\|\d+ (?:\S+=\S* )*)?(?:\/bin\/sh -c )?(.*)$/s.exec(s);
  if (run) s = `RUN ${run[1]}`;
  return s;
}

const sizeOf = (n: Inode) => (n.type === "file" ? (n.data?.length ?? 0) : n.type === "symlink" ? (n.target?.length ?? 0) : 0);

interface Visible {
  node: Inode;
  type: Inode["type"];
  size: number;
  row: number;
}

/**
 * Applies layer trees bottom-up, as overlayfs shows them merged, and records for each row what it
 * hides (whiteouts, opaque directories) and which of the lower rows' files it deletes or overwrites.
 */
function mergeRows(roots: Array<{ root: Inode; row: number }>, rowCount: number) {
  const visible = new Map<string, Visible>();
  const whiteouts: WhiteoutMark[][] = Array.from({ length: rowCount }, () => []);
  const wasted: WastedMark[][] = Array.from({ length: rowCount }, () => []);
  const counts = Array.from({ length: rowCount }, () => ({ added: 0, modified: 0, removed: 0 }));
  const supersede = (path: string, v: Visible, fate: WastedMark["fate"], byRow: number) => {
    if (v.size > 0 && v.row !== byRow) wasted[v.row].push({ path, bytes: v.size, fate, byRow });
  };
  /** Hide `prefix` and what is under it (only what is under it for an opaque directory). */
  const hide = (prefix: string, row: number, keepSelf: boolean) => {
    let bytes = 0;
    let files = 0;
    const seen = new Set<Inode>();
    for (const [p, v] of visible) {
      const under = p.startsWith(prefix + "/");
      if (!under && (keepSelf || p !== prefix)) continue;
      if (v.type !== "dir") {
        files++;
        if (!seen.has(v.node)) bytes += v.size;
        seen.add(v.node);
      }
      supersede(p, v, "deleted", row);
      visible.delete(p);
    }
    return { bytes, files };
  };
  for (const { root, row } of roots) {
    const visit = (dir: Inode, prefix: string) => {
      const entries = dir.entries!;
      if (entries.has(OPAQUE) && prefix) {
        const h = hide(prefix, row, true);
        whiteouts[row].push({ path: prefix, entry: `${prefix}/${OPAQUE}`, kind: "opaque", hiddenBytes: h.bytes, hiddenFiles: h.files });
        counts[row].removed++;
      }
      for (const name of [...entries.keys()].sort()) {
        if (name === OPAQUE) continue;
        const path = prefix ? `${prefix}/${name}` : name;
        const hidden = hiddenName(name);
        if (hidden !== null) {
          const target = prefix ? `${prefix}/${hidden}` : hidden;
          const h = hide(target, row, false);
          whiteouts[row].push({ path: target, entry: path, kind: "whiteout", hiddenBytes: h.bytes, hiddenFiles: h.files });
          counts[row].removed++;
          continue;
        }
        const n = entries.get(name)!;
        const below = visible.get(path);
        if (!below || (below.type === "dir") !== (n.type === "dir")) counts[row].added++;
        else if (n.type !== "dir") counts[row].modified++;
        if (below && (below.type === "dir") !== (n.type === "dir")) hide(path, row, false);
        else if (below && n.type !== "dir") supersede(path, below, "overwritten", row);
        if (n.type === "dir") {
          // a directory a layer holds comes from that layer (its metadata, or an opaque copy)
          visible.set(path, { node: n, type: "dir", size: 0, row });
          visit(n, path);
        } else visible.set(path, { node: n, type: n.type, size: sizeOf(n), row });
      }
    };
    visit(root, "");
  }
  return { visible, whiteouts, wasted, counts };
}

function largestFiles(root: Inode): FileMark[] {
  const byNode = new Map<Inode, FileMark>();
  const visit = (dir: Inode, prefix: string) => {
    for (const name of [...dir.entries!.keys()].sort()) {
      const n = dir.entries!.get(name)!;
      if (hiddenName(name) !== null || name === OPAQUE) continue;
      const path = prefix ? `${prefix}/${name}` : name;
      if (n.type === "dir") visit(n, path);
      else if (sizeOf(n) > 0) {
        const known = byNode.get(n);
        if (known) known.links++;
        else byNode.set(n, { path, bytes: sizeOf(n), links: 0 });
      }
    }
  };
  visit(root, "");
  const out = [...byNode.values()];
  out.sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path));
  return out.slice(0, FILES_SHOWN);
}

function summarize(visible: Map<string, Visible>, layerBytes: number): MergedSummary {
  const top = new Map<string, MergedEntry>();
  let files = 0;
  let dirs = 0;
  let bytes = 0;
  const counted = new Set<Inode>();
  const countedIn = new Map<string, Set<Inode>>();
  for (const [path, v] of visible) {
    const slash = path.indexOf("/");
    const name = slash < 0 ? path : path.slice(0, slash);
    let e = top.get(name);
    if (!e) {
      const self = visible.get(name);
      const type = self ? (self.type === "dir" || self.type === "file" || self.type === "symlink" ? self.type : "other") : "dir";
      e = { name, type, files: 0, bytes: 0, fromRow: v.row };
      top.set(name, e);
    }
    e.fromRow = Math.max(e.fromRow, v.row);
    if (v.type === "dir") {
      dirs++;
      continue;
    }
    files++;
    e.files++;
    if (!counted.has(v.node)) bytes += v.size;
    counted.add(v.node);
    let inEntry = countedIn.get(name);
    if (!inEntry) countedIn.set(name, (inEntry = new Set()));
    if (!inEntry.has(v.node)) e.bytes += v.size;
    inEntry.add(v.node);
  }
  const entries = [...top.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { files, dirs, bytes, hiddenBytes: Math.max(0, layerBytes - bytes), entries };
}

/**
 * Images and their layers never change once made, so their part of the model is computed once:
 * the whole model of an image (per set of tags), the analysis and the largest files of a layer.
 */
const imageModels = new WeakMap<Image, { tags: string; model: LayerStackModel }>();
const analyses = new WeakMap<Image, ImageAnalysis>();
const largestOfLayer = new WeakMap<Inode, FileMark[]>();

function analysisOf(img: Image): ImageAnalysis {
  let a = analyses.get(img);
  if (!a) analyses.set(img, (a = analyzeImage(img)));
  return a;
}

function largestInLayer(root: Inode): FileMark[] {
  let l = largestOfLayer.get(root);
  if (!l) largestOfLayer.set(root, (l = largestFiles(root)));
  return l;
}

/**
 * Layer stack of an image, or of a container (its image's layers, its init layer, its upper
 * layer). The model is shared between calls for an unchanged image: treat it as read-only.
 */
export function layerStack(d: Daemon, subject: { image: Image } | { container: Container }): LayerStackModel {
  if ("image" in subject) {
    const tags = d.images.tagsOf(subject.image.id).join("\n");
    const cached = imageModels.get(subject.image);
    if (cached && cached.tags === tags) return cached.model;
    const model = computeLayerStack(d, subject);
    imageModels.set(subject.image, { tags, model });
    return model;
  }
  return computeLayerStack(d, subject);
}

function computeLayerStack(d: Daemon, subject: { image: Image } | { container: Container }): LayerStackModel {
  const container = "container" in subject ? subject.container : null;
  const img = container ? d.images.mustGet(container.image) : (subject as { image: Image }).image;
  const analysis = analysisOf(img);
  const layers = LayerStore.stack(img.top);
  const rows: LayerRow[] = [];
  const roots: Array<{ root: Inode; row: number }> = [];
  const blank = (kind: LayerRowKind, instruction: string, createdBy: string, created: string | null, diffId: string | null, size: number): LayerRow => ({
    kind,
    instruction,
    createdBy,
    created,
    diffId,
    size,
    added: 0,
    modified: 0,
    removed: 0,
    largest: [],
    whiteouts: [],
    wasted: [],
    wastedBytes: 0,
  });
  let n = 0;
  const history = img.config.history.length ? img.config.history : layers.map(() => ({ created_by: "", created: "", empty_layer: false }));
  for (const h of history) {
    const createdBy = h.created_by ?? "";
    if (h.empty_layer) {
      rows.push(blank("empty", instructionOf(createdBy), createdBy, h.created || null, null, 0));
      continue;
    }
    const layer = layers[n++];
    if (!layer) break;
    const row = blank("layer", instructionOf(createdBy), createdBy, h.created || null, layer.diffId, layer.size);
    row.largest = largestInLayer(layer.root);
    roots.push({ root: layer.root, row: rows.length });
    rows.push(row);
  }
  // layers without a history entry (an imported image): shown all the same
  for (; n < layers.length; n++) {
    const layer = layers[n];
    const row = blank("layer", "", "", null, layer.diffId, layer.size);
    row.largest = largestInLayer(layer.root);
    roots.push({ root: layer.root, row: rows.length });
    rows.push(row);
  }
  if (container) {
    if (container.init) {
      roots.push({ root: container.init, row: rows.length });
      rows.push(blank("init", "", "", null, null, treeSize(container.init)));
    }
    const upper = container.rw;
    if (upper) {
      const row = blank("upper", "", "", null, null, treeSize(upper));
      row.largest = largestFiles(upper);
      roots.push({ root: upper, row: rows.length });
      rows.push(row);
    } else rows.push(blank("upper", "", "", null, null, 0));
  }
  const merged = mergeRows(roots, rows.length);
  rows.forEach((r, i) => {
    Object.assign(r, merged.counts[i]);
    r.whiteouts = merged.whiteouts[i];
    r.wasted = merged.wasted[i].sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path));
    r.wastedBytes = r.wasted.reduce((a, w) => a + w.bytes, 0);
  });
  const layerBytes = rows.reduce((a, r) => a + r.size, 0);
  const tags = d.images.tagsOf(img.id).map(familiar);
  const shortId = img.id.replace(/^sha256:/, "").slice(0, 12);
  const subjectOut: LayerSubject = container
    ? { kind: "container", id: container.id, shortId: container.shortId, name: container.name, image: tags[0] ?? shortId, status: container.state.Status }
    : { kind: "image", id: img.id, shortId, name: tags[0] ?? shortId, tags };
  return {
    subject: subjectOut,
    rows,
    merged: summarize(merged.visible, layerBytes),
    totalBytes: analysis.totalBytes,
    wastedBytes: analysis.wastedBytes,
    efficiency: analysis.efficiency,
    inefficiencies: analysis.inefficiencies.slice(0, FILES_SHOWN),
  };
}

/** Images (newest first) and containers (newest first) the view can show. */
export function layerSubjects(d: Daemon): SubjectChoice[] {
  const out: SubjectChoice[] = [];
  // tagged images first, newest first; then untagged ones (dangling, or left by a build)
  const images = [...d.images.images.values()]
    .map((img) => ({ img, tags: d.images.tagsOf(img.id).map(familiar), created: Date.parse(img.config.created ?? "") || 0 }))
    .sort((a, b) => Number(b.tags.length > 0) - Number(a.tags.length > 0) || b.created - a.created);
  for (const { img, tags } of images) {
    const short = img.id.replace(/^sha256:/, "").slice(0, 12);
    out.push({ key: `image:${img.id}`, kind: "image", label: tags.length ? tags.join(", ") : short });
  }
  const containers = [...d.containers.values()].reverse().sort((a, b) => b.created - a.created);
  for (const c of containers) out.push({ key: `container:${c.id}`, kind: "container", label: c.name });
  return out;
}

/**
 * The layer stack for a picker key, or for the default subject when the key is absent or stale:
 * the image the last successful build made, else the newest container, else the newest image.
 */
export function layerStackFor(d: Daemon, key: string | null, lastBuiltImage: string | null): LayerStackModel | null {
  if (key?.startsWith("container:")) {
    const c = d.containers.get(key.slice("container:".length));
    if (c && (d.images.get(c.image) ?? d.images.retired.get(c.image))) return layerStack(d, { container: c });
  }
  if (key?.startsWith("image:")) {
    const img = d.images.get(key.slice("image:".length));
    if (img) return layerStack(d, { image: img });
  }
  const fallback = defaultSubject(d, lastBuiltImage);
  return fallback ? layerStackFor(d, fallback, null) : null;
}

/** The subject the view shows when the learner has not picked one. */
export function defaultSubject(d: Daemon, lastBuiltImage: string | null): string | null {
  if (lastBuiltImage && d.images.get(lastBuiltImage)) return `image:${lastBuiltImage}`;
  const choices = layerSubjects(d);
  return (choices.find((c) => c.kind === "container") ?? choices[0])?.key ?? null;
}

/** An image by reference (tests and tools): null when unknown. */
export function layerStackOf(d: Daemon, ref: string): LayerStackModel | null {
  const c = d.findContainer(ref);
  if (c) return layerStack(d, { container: c });
  const img = lookupImage(d, ref);
  return img ? layerStack(d, { image: img }) : null;
}

/** "2 minutes" since an RFC 3339 time, as docker history's CREATED column says it. */
export function createdAgo(created: string | null, now: number): string {
  if (!created) return "";
  const t = Date.parse(created);
  return Number.isNaN(t) ? "" : `${humanDuration(now - t)} ago`;
}
