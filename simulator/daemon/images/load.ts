/**
 * docker load (moby's tarexport Load, as Docker 28 runs it): reads Docker's manifest.json, so it
 * takes both the layout current Docker saves (blobs/sha256/...) and the one the 20.10 engine
 * saves (<id>/layer.tar, <id>.json). Layers already present are reused; new ones must hash to
 * the config's diff_ids. Tags are (re)pointed at the loaded images. Output and errors are what
 * the engine streams back (the CLI prints errors without "Error response from daemon").
 */
import { familiarString, parseNormalizedNamed } from "../../api/reference";
import type { ImageConfig } from "../../api/types";
import { treeFromTar, entryPath } from "../../snapshots/layer-tar";
import { chainIdOf, type Layer } from "../../snapshots/layers";
import { text } from "../../util/bytes";
import { digest } from "../../util/sha256";
import type { TarEntry } from "../../util/tar";
import type { Daemon } from "../daemon";
import type { Image } from "./image";
import { refKey } from "./lookup";
import { decompress, untar } from "./untar";

export interface LoadResult {
  /** Lines the engine streamed ("Loaded image: app:1"). */
  output: string;
  /** The error that ended the load, if one did. */
  error: string | null;
  /** Layers that were not already present (for progress lines on a terminal). */
  loadedLayers: Array<{ diffId: string; size: number }>;
}

class LoadError extends Error {}

interface ManifestItem {
  Config: string;
  RepoTags: string[] | null;
  Layers: string[];
  Parent?: string;
}

/** Go's json error for text that is not JSON (the common cases). */
function jsonError(s: string): string {
  const t = s.trim();
  if (t === "") return "unexpected end of JSON input";
  return `invalid character '${t[0]}' looking for beginning of value`;
}

function parseJSON<T>(s: string): T {
  try {
    return JSON.parse(s) as T;
  } catch {
    throw new LoadError(jsonError(s));
  }
}

function validParent(img: ImageConfig, parent: ImageConfig): boolean {
  const h = img.history ?? [];
  const p = parent.history ?? [];
  if (h.length === 0 && p.length === 0) return true;
  if (h.length - p.length !== 1) return false;
  return p.every((x, i) => JSON.stringify(x) === JSON.stringify(h[i]));
}

function validManifest(m: unknown): m is ManifestItem[] {
  const strings = (x: unknown) => Array.isArray(x) && x.every((y) => typeof y === "string");
  return Array.isArray(m) && m.every((i) => typeof i === "object" && i !== null && typeof i.Config === "string" && strings(i.Layers) && (i.RepoTags === null || i.RepoTags === undefined || strings(i.RepoTags)) && (i.Parent === undefined || typeof i.Parent === "string"));
}

export function imageLoad(d: Daemon, data: Uint8Array): LoadResult {
  let output = "";
  const loadedLayers: LoadResult["loadedLayers"] = [];
  const tmp = `/var/lib/docker/tmp/docker-import-${parseInt(d.newId("load-tmp").slice(0, 8), 16) % 4294967296}`;
  try {
    const files = new Map<string, TarEntry>();
    for (const e of untar(decompress(data))) {
      const p = entryPath(e.name);
      if (p && p.length) files.set(p.join("/"), e);
    }
    const read = (path: string): Uint8Array => {
      const p = entryPath(path);
      const e = p ? files.get(p.join("/")) : undefined;
      if (!e || e.type !== "file") throw new LoadError(`open ${tmp}/${(p ?? []).join("/")}: no such file or directory`);
      return e.data ?? new Uint8Array(0);
    };
    if (!files.has("manifest.json")) {
      const dirs = [...new Set([...files.keys()].filter((k) => k.includes("/") || files.get(k)!.type === "dir").map((k) => k.split("/")[0]))].sort();
      if (dirs.some((dir) => files.has(`${dir}/json`))) throw new LoadError("invalid archive: does not contain a manifest.json");
      if (dirs.length > 0) read(`${dirs[0]}/json`);
      read("repositories");
    }
    const manifest = parseJSON<unknown>(text(read("manifest.json")));
    if (manifest === null) throw new LoadError("invalid manifest, manifest cannot be null (but can be [])");
    if (!validManifest(manifest)) throw new LoadError("json: cannot unmarshal manifest.json into Go value of type []tarexport.manifestItem");
    let ids = "";
    let refCount = 0;
    const links: Array<[string, string]> = [];
    for (const m of manifest) {
      const raw = text(read(m.Config));
      const config = parseJSON<ImageConfig>(raw);
      if (typeof config !== "object" || config === null || Array.isArray(config)) throw new LoadError("json: cannot unmarshal config into Go value of type image.Image");
      if (!config.rootfs || !Array.isArray(config.rootfs.diff_ids) || !config.rootfs.diff_ids.every((x) => typeof x === "string")) throw new LoadError("invalid image JSON, no RootFS key");
      if (!Array.isArray(config.history)) config.history = [];
      if (config.os && config.os !== "linux") throw new LoadError(`cannot load ${config.os} image on linux`);
      const diffIds = config.rootfs.diff_ids ?? [];
      if (m.Layers.length !== diffIds.length) throw new LoadError(`invalid manifest, layers length mismatch: expected ${m.Layers.length}, got ${diffIds.length}`);
      let top: Layer | null = null;
      diffIds.forEach((diffId, i) => {
        const existing = d.layers.get(chainIdOf(top, diffId));
        if (existing) {
          top = existing;
          return;
        }
        const tar = decompress(read(m.Layers[i]));
        const actual = digest(tar);
        if (actual !== diffId) throw new LoadError(`invalid diffID for layer ${i}: expected "${diffId}", got "${actual}"`);
        top = d.layers.register(treeFromTar(untar(tar), d.now()), top, actual, tar);
        loadedLayers.push({ diffId, size: tar.length });
      });
      const id = digest(raw);
      const img: Image = d.images.get(id) ?? d.images.add({ id, config, top, parent: "", raw });
      ids += `Loaded image ID: ${id}\n`;
      refCount = 0;
      for (const repoTag of m.RepoTags ?? []) {
        const r = parseNormalizedNamed(repoTag);
        if (!r.ok) throw new LoadError(r.error);
        if (r.ref.tag === undefined || r.ref.digest !== undefined) throw new LoadError(`invalid tag "${repoTag}"`);
        const key = refKey(r.ref);
        const prev = d.images.tags.get(key);
        if (prev && prev !== img.id) output += `The image ${familiarString(r.ref)} already exists, renaming the old one with ID ${prev} to empty string\n`;
        d.images.setTag(key, img.id);
        output += `Loaded image: ${familiarString(r.ref)}\n`;
        refCount++;
      }
      links.push([img.id, m.Parent ?? ""]);
      d.events.emit({ Type: "image", Action: "load", Actor: { ID: img.id, Attributes: {} }, time: d.now() });
    }
    for (const [id, parent] of links) {
      if (!parent || parent === id || !links.some(([x]) => x === parent)) continue;
      const img = d.images.get(id)!;
      const p = d.images.get(parent)!;
      if (!validParent(img.config, p.config)) throw new LoadError(`image ${p.id} is not a valid parent for ${img.id}`);
      img.parent = parent;
    }
    if (refCount === 0) output += ids;
    return { output, error: null, loadedLayers };
  } catch (e) {
    if (e instanceof LoadError || (e instanceof Error && e.name === "DaemonError")) return { output, error: e.message, loadedLayers };
    throw e;
  }
}
