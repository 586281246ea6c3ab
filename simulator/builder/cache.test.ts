import { describe, expect, it } from "vitest";
import { MemFs } from "../fs/memfs";
import { utf8 } from "../util/bytes";
import { LayerStore } from "../snapshots/layers";
import { BuildCache, CACHE_HOLD } from "./cache";

function layerWith(store: LayerStore, name: string) {
  const fs = new MemFs(undefined, () => 0);
  fs.writeFile([name], utf8(name), { mode: 0o644, mtime: 0 });
  return store.register(fs.root, null);
}

describe("build cache holds", () => {
  it("keeps a record's layer in the store until the cache is pruned", () => {
    const store = new LayerStore();
    const cache = new BuildCache(store);
    const layer = layerWith(store, "a");
    cache.put("k", layer, 0, "RUN a");
    // an image built from it goes away: the layer stays, because the cache holds it
    expect(store.release(layer, [])).toEqual([]);
    expect(store.holds.get(layer.chainId)).toEqual(new Set([CACHE_HOLD]));
    // while an image stands on the layer, prune keeps its record (as BuildKit does)
    expect(cache.prune((id) => id === layer.chainId)).toEqual([]);
    expect(cache.get("k")).toBeDefined();
    expect(cache.prune().map((r) => r.key)).toEqual(["k"]);
    expect(store.holds.size).toBe(0);
    expect(store.gc([])).toBe(1);
    expect(store.get(layer.chainId)).toBeUndefined();
  });
  it("takes its holds again when a saved cache is loaded", () => {
    const store = new LayerStore();
    const layer = layerWith(store, "b");
    const saved = new BuildCache(store);
    saved.put("k", layer, 0, "RUN b");
    const loaded = new BuildCache(store);
    store.unhold(CACHE_HOLD);
    loaded.load(saved.toJSON(), (id) => store.get(id));
    expect(store.holds.get(layer.chainId)).toEqual(new Set([CACHE_HOLD]));
  });
});
