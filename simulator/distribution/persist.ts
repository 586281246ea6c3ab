/**
 * Registry content in a saved host (host/state.ts): what learners pushed to the simulated Docker
 * Hub (accounts, their repositories, the pulls counted against the rate limit) and every private
 * registry's storage (by the volume, host directory or container it lives in), so that after a
 * reload, an undo or a permalink a pushed image can be pulled again.
 *
 * The Hub's official `library/` repositories are not saved: they are built from the image
 * models when first used, the same after a load. A layer blob whose files are a layer the engine
 * holds is saved as that layer's chain ID; any other as its file tree, through the host state's
 * shared blob table.
 */
import type { Daemon } from "../daemon/daemon";
import type { Inode } from "../fs/inode";
import type { Layer } from "../snapshots/layers";
import { BlobTable, decodeTree, encodeTree, type TreeJSON } from "../host/tree-codec";
import { Registry, type Blob, type Repository } from "./registry";
import { distributionOf } from "./service";

/** A layer blob: its file tree, or (`layer`) the chain ID of the engine's layer that has the same tree. */
type BlobJSON = { kind: "config"; raw: string } | { kind: "layer"; diffId: string; size: number; abridged?: number; tree?: TreeJSON; layer?: string; tar?: number };

export interface RegistryJSON {
  repos: Array<[string, { tags: Array<[string, string]>; blobs: string[]; private?: boolean; description?: string; official?: boolean; stars?: number }]>;
  manifests: Array<[string, string]>;
  lists: string[];
  blobs: Array<[string, BlobJSON]>;
}

export interface RegistriesJSON {
  hub: { accounts: Array<[string, string]>; limits: { anonymous: number; authenticated: number }; pulls: Array<[string, number[]]>; content: RegistryJSON };
  stores: Array<[string, RegistryJSON]>;
}

export const EMPTY_REGISTRIES: RegistriesJSON = {
  hub: { accounts: [], limits: { anonymous: 100, authenticated: 200 }, pulls: [], content: { repos: [], manifests: [], lists: [], blobs: [] } },
  stores: [],
};

/** A registry's repositories (those `keep` accepts), with the manifests and blobs they reach. */
function encodeRegistry(r: Registry, blobs: BlobTable, layers: Map<Inode, string>, keep: (name: string) => boolean = () => true): RegistryJSON {
  const repos = [...r.repos].filter(([name]) => keep(name));
  const blobDigests = new Set<string>();
  const manifestDigests = new Set<string>();
  for (const [, repo] of repos) {
    for (const b of repo.blobs) blobDigests.add(b);
    for (const d of repo.tags.values()) manifestDigests.add(d);
  }
  // manifests reached by digest: a repository links a manifest list's entries and an image's config
  for (const [d, json] of r.manifests) {
    if (manifestDigests.has(d) || blobDigests.has(d)) {
      manifestDigests.add(d);
      continue;
    }
    const cfg = (JSON.parse(json) as { config?: { digest?: string } }).config?.digest;
    if (cfg && blobDigests.has(cfg)) manifestDigests.add(d);
  }
  for (const d of manifestDigests) {
    const json = r.manifests.get(d);
    if (!json) continue;
    const m = JSON.parse(json) as { config?: { digest: string }; layers?: Array<{ digest: string }> };
    if (m.config) blobDigests.add(m.config.digest);
    for (const l of m.layers ?? []) blobDigests.add(l.digest);
  }
  const out: RegistryJSON = { repos: [], manifests: [], lists: [], blobs: [] };
  for (const [name, repo] of repos) {
    const { tags, blobs: linked, ...rest } = repo;
    out.repos.push([name, { tags: [...tags], blobs: [...linked], ...rest }]);
  }
  for (const d of [...manifestDigests].sort()) {
    const json = r.manifests.get(d);
    if (json === undefined) continue;
    out.manifests.push([d, json]);
    if (r.lists.has(d)) out.lists.push(d);
  }
  for (const d of [...blobDigests].sort()) {
    const b = r.blobs.get(d);
    if (!b || r.manifests.has(d)) continue;
    if (b.kind === "config") {
      out.blobs.push([d, { kind: "config", raw: b.raw }]);
      continue;
    }
    const chain = layers.get(b.root);
    const files = chain !== undefined ? { layer: chain } : { tree: encodeTree(b.root, blobs) };
    out.blobs.push([d, { kind: "layer", diffId: b.diffId, size: b.size, ...(b.abridged ? { abridged: b.abridged } : {}), ...files, ...(b.tar ? { tar: blobs.add(b.tar) } : {}) }]);
  }
  return out;
}

function decodeRegistry(j: RegistryJSON, into: Registry, blobs: Uint8Array[], layers: Map<string, Layer>): void {
  for (const [name, r] of j.repos) {
    const { tags, blobs: linked, ...rest } = r;
    const repo: Repository = { ...rest, tags: new Map(tags), blobs: new Set(linked) };
    into.repos.set(name, repo);
  }
  for (const [d, json] of j.manifests) into.manifests.set(d, json);
  for (const d of j.lists) into.lists.add(d);
  for (const [d, b] of j.blobs) {
    const blob: Blob =
      b.kind === "config"
        ? { kind: "config", raw: b.raw }
        : { kind: "layer", diffId: b.diffId, root: layerRoot(b, blobs, layers), size: b.size, ...(b.abridged ? { abridged: b.abridged } : {}), ...(b.tar !== undefined ? { tar: blobs[b.tar] } : {}) };
    into.blobs.set(d, blob);
  }
}

function layerRoot(b: Extract<BlobJSON, { kind: "layer" }>, blobs: Uint8Array[], layers: Map<string, Layer>): Inode {
  if (b.layer !== undefined) {
    const l = layers.get(b.layer);
    if (!l) throw new Error(`saved state names an unknown layer ${b.layer}`);
    return l.root;
  }
  if (!b.tree) throw new Error("saved state has a layer blob without files");
  return decodeTree(b.tree, blobs);
}

export function exportRegistries(d: Daemon, blobs: BlobTable): RegistriesJSON {
  const dist = distributionOf(d);
  const hub = dist.hub;
  const layers = new Map<Inode, string>();
  for (const l of d.layers.byChain.values()) if (!layers.has(l.root)) layers.set(l.root, l.chainId);
  return {
    hub: {
      accounts: [...hub.accounts],
      limits: { ...hub.limits },
      pulls: [...hub.pulls].filter(([, times]) => times.length > 0),
      content: encodeRegistry(hub, blobs, layers, (name) => !name.startsWith("library/")),
    },
    stores: [...dist.stores].map(([key, r]) => [key, encodeRegistry(r, blobs, layers)]),
  };
}

/** Load saved registry content; `layers` are the loaded engine layers by chain ID. */
export function importRegistries(d: Daemon, j: RegistriesJSON, blobs: Uint8Array[], layers: Map<string, Layer>): void {
  const dist = distributionOf(d);
  const hub = dist.hub;
  for (const [user, password] of j.hub.accounts) hub.accounts.set(user, password);
  hub.limits = { ...j.hub.limits };
  for (const [who, times] of j.hub.pulls) hub.pulls.set(who, [...times]);
  decodeRegistry(j.hub.content, hub, blobs, layers);
  for (const [key, r] of j.stores) {
    const reg = new Registry();
    decodeRegistry(r, reg, blobs, layers);
    dist.stores.set(key, reg);
  }
}
