/**
 * The build cache: daemon state kept as plain data. A record maps a cache key (instruction,
 * parent key, environment, source checksums) to the layer the step produced, with what the UI
 * needs to explain hits and misses. `docker builder prune` empties it; `docker system df`
 * reports it.
 */
import type { Daemon } from "../daemon/daemon";
import type { Layer, LayerStore } from "../snapshots/layers";

/** The owner name of the layer-store holds the cache takes (moby keeps BuildKit's refs so). */
export const CACHE_HOLD = "buildkit";

export interface CacheRecord {
  /** Short record ID as `docker builder prune` lists it. */
  id: string;
  key: string;
  /** The layer the step produced on top of its parent (null: the step made no layer). */
  chainId: string | null;
  /** ms since the epoch: when the step ran. */
  created: number;
  lastUsed: number;
  usageCount: number;
  /** Bytes of the layer. */
  size: number;
  description: string;
  /** Source files a COPY/ADD read, path -> checksum. */
  files?: Record<string, string>;
  /**
   * "regular": a snapshot (a step's layer, or the base image a stage starts FROM);
   * "source.local": what a build transferred from the client (the Dockerfile, .dockerignore,
   * the context). Absent means "regular" (states saved before the field existed).
   */
  type?: "regular" | "source.local";
}

export interface CacheUsage {
  count: number;
  /** Records a running build uses (builds here finish within a command: always 0). */
  active: number;
  /** Bytes of the records no image shares (what `docker system df` counts). */
  size: number;
  reclaimable: number;
}

/** Whether a record's snapshot is shared with an image (and so not counted as the cache's own). */
export function isShared(r: CacheRecord, inUse: (chainId: string) => boolean): boolean {
  return r.chainId !== null && inUse(r.chainId);
}

export class BuildCache {
  readonly records = new Map<string, CacheRecord>();
  /** Layers the records hold, so that they outlive image removal. Not part of the saved state. */
  private readonly layers = new Map<string, Layer>();
  private seq = 0;

  /**
   * `store`: the daemon's layer store. Every layer a record keeps is held there, so removing the
   * image built from it frees no layers (as with BuildKit on a real engine) until the cache is
   * pruned.
   */
  constructor(private readonly store?: LayerStore) {}

  get(key: string): CacheRecord | undefined {
    return this.records.get(key);
  }

  layerOf(r: CacheRecord): Layer | null | undefined {
    if (r.chainId === null) return null;
    return this.layers.get(r.chainId);
  }

  put(key: string, layer: Layer | null, created: number, description: string, files?: Record<string, string>): CacheRecord {
    const id = idFor(key, ++this.seq);
    const r: CacheRecord = { id, key, chainId: layer?.chainId ?? null, created, lastUsed: created, usageCount: 1, size: layer ? layer.size : 0, description, ...(files ? { files } : {}) };
    if (layer) {
      this.layers.set(layer.chainId, layer);
      this.store?.hold(layer, CACHE_HOLD);
    }
    this.records.set(key, r);
    return r;
  }

  /**
   * A record for something the client sent (`key` names the source, e.g. the Dockerfile of a
   * context): made on first use, refreshed (size, last use, count) on every later build.
   */
  source(key: string, size: number, now: number, description: string): CacheRecord {
    const r = this.records.get(key);
    if (r) {
      r.size = size;
      this.touch(r, now);
      return r;
    }
    const rec: CacheRecord = { id: idFor(key, ++this.seq), key, chainId: null, created: now, lastUsed: now, usageCount: 1, size, description, type: "source.local" };
    this.records.set(key, rec);
    return rec;
  }

  /** A record for the base image a stage starts from (shared with that image, 0 bytes of its own). */
  base(key: string, layer: Layer | null, now: number, description: string): void {
    const r = this.records.get(key);
    if (r) this.touch(r, now);
    else this.put(key, layer, now, description).size = 0;
  }

  touch(r: CacheRecord, now: number): void {
    r.lastUsed = now;
    r.usageCount++;
  }

  /**
   * Removes the records no image uses (`inUse` tells by chain ID; BuildKit keeps the ones an
   * existing image's layers stand on) and drops their holds; returns what was removed.
   */
  prune(inUse: (chainId: string) => boolean = () => false): CacheRecord[] {
    const removed: CacheRecord[] = [];
    for (const [key, r] of this.records) {
      if (r.chainId !== null && inUse(r.chainId)) continue;
      this.records.delete(key);
      removed.push(r);
    }
    const kept = new Set([...this.records.values()].map((r) => r.chainId));
    for (const chain of [...this.layers.keys()]) if (!kept.has(chain)) this.layers.delete(chain);
    this.store?.unhold(CACHE_HOLD);
    for (const l of this.layers.values()) this.store?.hold(l, CACHE_HOLD);
    return removed;
  }

  usage(inUse: (chainId: string) => boolean): CacheUsage {
    let size = 0;
    for (const r of this.records.values()) if (!isShared(r, inUse)) size += r.size;
    return { count: this.records.size, active: 0, size, reclaimable: size };
  }

  toJSON(): { records: CacheRecord[]; seq: number } {
    return { records: [...this.records.values()].map((r) => ({ ...r })), seq: this.seq };
  }

  /** Restores saved records; `layer` finds a record's layer in the daemon's layer store. */
  load(data: { records: CacheRecord[]; seq: number }, layer: (chainId: string) => Layer | undefined): void {
    this.records.clear();
    this.layers.clear();
    this.seq = data.seq;
    for (const r of data.records) {
      this.records.set(r.key, { ...r });
      const l = r.chainId ? layer(r.chainId) : undefined;
      if (l) {
        this.layers.set(l.chainId, l);
        this.store?.hold(l, CACHE_HOLD);
      }
    }
  }
}

/** BuildKit record IDs are 25 lower-case base-36 characters. */
function idFor(key: string, n: number): string {
  let h = 0x811c9dc5;
  const s = `${key}:${n}`;
  let out = "";
  for (let round = 0; out.length < 25; round++) {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
    h = Math.imul(h ^ round, 2246822519) >>> 0;
    out += h.toString(36);
  }
  return out.slice(0, 25);
}

const caches = new WeakMap<Daemon, BuildCache>();

/** The daemon's build cache. */
export function buildCacheOf(d: Daemon): BuildCache {
  let c = caches.get(d);
  if (!c) {
    c = new BuildCache(d.layers);
    caches.set(d, c);
  }
  return c;
}

/** Whether an image's layer stack includes the layer with this chain ID. */
export function usedByImages(d: Daemon): (chainId: string) => boolean {
  const used = new Set<string>();
  for (const img of d.images.images.values()) for (let l = img.top; l; l = l.parent) used.add(l.chainId);
  return (id) => used.has(id);
}

/** What `docker system df` shows on its Build Cache line. */
export function buildCacheUsage(d: Daemon): CacheUsage {
  return buildCacheOf(d).usage(usedByImages(d));
}
