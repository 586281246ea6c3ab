/**
 * A registry as the distribution spec describes one: repositories of tags pointing at manifests,
 * and content-addressed blobs (image configs and layers). One class serves Docker Hub and every
 * `registry:2` a learner runs.
 *
 * Manifests are Docker's schema 2 (application/vnd.docker.distribution.manifest.v2+json) written
 * as the engine writes them when it pushes (JSON indented by three spaces); a manifest's digest is
 * the sha256 of those bytes. Layers are kept as the layer store keeps them (their tree and
 * diffID); their blob digest and compressed size stand in for the gzip stream the simulation does
 * not make (see docs/differences.md, "Registries").
 */
import type { Inode } from "../fs/inode";
import type { Layer } from "../snapshots/layers";
import { digest, sha256Hex } from "../util/sha256";
import type { Platform } from "./platform";

export const MANIFEST_V2 = "application/vnd.docker.distribution.manifest.v2+json";
export const CONFIG_V1 = "application/vnd.docker.container.image.v1+json";
export const LAYER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";

export interface Descriptor {
  mediaType: string;
  size: number;
  digest: string;
}

/** A manifest list (Docker) or image index (OCI): one image manifest per platform. */
export const MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
export const OCI_INDEX = "application/vnd.oci.image.index.v1+json";

export interface PlatformDescriptor extends Descriptor {
  platform: Platform;
}

export interface ManifestList {
  schemaVersion: 2;
  mediaType: typeof MANIFEST_LIST | typeof OCI_INDEX;
  manifests: PlatformDescriptor[];
}

export function isManifestList(m: ManifestV2 | ManifestList): m is ManifestList {
  return m.mediaType === MANIFEST_LIST || m.mediaType === OCI_INDEX;
}

export interface ManifestV2 {
  schemaVersion: 2;
  mediaType: typeof MANIFEST_V2;
  config: Descriptor;
  layers: Descriptor[];
}

/** A layer blob: what a registry needs to hand the layer to another engine. */
export interface LayerBlob {
  kind: "layer";
  diffId: string;
  root: Inode;
  size: number;
  abridged?: number;
  tar?: Uint8Array;
}

export interface ConfigBlob {
  kind: "config";
  raw: string;
}

export type Blob = LayerBlob | ConfigBlob;

/** The blob digest a layer has in a registry (the digest of its compressed stream). */
export function layerBlobDigest(diffId: string): string {
  return "sha256:" + sha256Hex("layerlab gzip\n" + diffId);
}

/** Compressed bytes of a layer: an empty layer's gzip is 32 bytes; file trees compress to about 40%. */
export function compressedSize(size: number): number {
  return Math.max(32, Math.round(size * 0.4));
}

export function layerBlob(l: Layer): LayerBlob {
  return { kind: "layer", diffId: l.diffId, root: l.root, size: l.size, ...(l.abridged ? { abridged: l.abridged } : {}), ...(l.tar ? { tar: l.tar } : {}) };
}

/** The manifest bytes as the engine pushes them. */
export function manifestJSON(m: ManifestV2 | ManifestList): string {
  return JSON.stringify(m, null, 3);
}

export function makeManifest(rawConfig: string, layers: readonly Layer[]): ManifestV2 {
  return {
    schemaVersion: 2,
    mediaType: MANIFEST_V2,
    config: { mediaType: CONFIG_V1, size: new TextEncoder().encode(rawConfig).length, digest: digest(rawConfig) },
    layers: layers.map((l) => ({ mediaType: LAYER_GZIP, size: compressedSize(l.size), digest: layerBlobDigest(l.diffId) })),
  };
}

export interface Repository {
  tags: Map<string, string>;
  /** Digests of the blobs this repository links (a blob pushed or mounted into it). */
  blobs: Set<string>;
  /** Docker Hub: private repositories are visible to their owner only. */
  private?: boolean;
  /** Docker Hub: a short description (`docker search`). */
  description?: string;
  official?: boolean;
  stars?: number;
}

export class Registry {
  readonly repos = new Map<string, Repository>();
  readonly manifests = new Map<string, string>();
  readonly blobs = new Map<string, Blob>();
  /** Digests of the manifests that are manifest lists. */
  readonly lists = new Set<string>();

  repo(name: string, create = false): Repository | undefined {
    let r = this.repos.get(name);
    if (!r && create) this.repos.set(name, (r = { tags: new Map(), blobs: new Set() }));
    return r;
  }

  /** Store an image (config and layers) under name:tag; returns the manifest digest and size. */
  putImage(name: string, tag: string | null, rawConfig: string, layers: readonly Layer[]): { digest: string; size: number } {
    const m = makeManifest(rawConfig, layers);
    const json = manifestJSON(m);
    const d = digest(json);
    const r = this.repo(name, true)!;
    this.blobs.set(m.config.digest, { kind: "config", raw: rawConfig });
    r.blobs.add(m.config.digest);
    layers.forEach((l, i) => {
      const bd = m.layers[i].digest;
      if (!this.blobs.has(bd)) this.blobs.set(bd, layerBlob(l));
      r.blobs.add(bd);
    });
    this.manifests.set(d, json);
    if (tag !== null) r.tags.set(tag, d);
    return { digest: d, size: new TextEncoder().encode(json).length };
  }

  /** Store a manifest list of manifests already in the registry under name:tag; returns its digest and size. */
  putList(name: string, tag: string | null, entries: PlatformDescriptor[], mediaType: ManifestList["mediaType"] = MANIFEST_LIST): { digest: string; size: number } {
    const list: ManifestList = { schemaVersion: 2, mediaType, manifests: entries };
    const json = manifestJSON(list);
    const d = digest(json);
    const r = this.repo(name, true)!;
    this.manifests.set(d, json);
    this.lists.add(d);
    for (const e of entries) r.blobs.add(e.digest);
    if (tag !== null) r.tags.set(tag, d);
    return { digest: d, size: new TextEncoder().encode(json).length };
  }

  /**
   * A repository's manifest or manifest list by tag or digest, or null. (`manifest()` resolves
   * only image manifests; a list is returned by this one.)
   */
  anyManifest(name: string, tagOrDigest: string): { digest: string; manifest: ManifestV2 | ManifestList; size: number } | null {
    const r = this.repos.get(name);
    if (!r) return null;
    const d = tagOrDigest.startsWith("sha256:") ? tagOrDigest : r.tags.get(tagOrDigest);
    if (!d) return null;
    const json = this.manifests.get(d);
    if (!json) return null;
    const m = JSON.parse(json) as ManifestV2 | ManifestList;
    if (tagOrDigest.startsWith("sha256:") && ![...r.tags.values()].includes(d) && !r.blobs.has(d) && !(!isManifestList(m) && r.blobs.has(m.config.digest))) return null;
    return { digest: d, manifest: m, size: new TextEncoder().encode(json).length };
  }

  /** A repository's manifest by tag or digest: its digest and parsed body, or null. */
  manifest(name: string, tagOrDigest: string): { digest: string; manifest: ManifestV2; size: number } | null {
    const r = this.repos.get(name);
    if (!r) return null;
    const d = tagOrDigest.startsWith("sha256:") ? tagOrDigest : r.tags.get(tagOrDigest);
    if (!d) return null;
    const json = this.manifests.get(d);
    if (!json || this.lists.has(d)) return null;
    if (tagOrDigest.startsWith("sha256:") && ![...r.tags.values()].includes(d) && !r.blobs.has(JSON.parse(json).config.digest)) return null;
    return { digest: d, manifest: JSON.parse(json) as ManifestV2, size: new TextEncoder().encode(json).length };
  }

  /** The repository (other than `except`) that links a blob, for a cross-repository mount. */
  repoWithBlob(blob: string, except: string, readable: (name: string, r: Repository) => boolean): string | null {
    for (const [name, r] of this.repos) if (name !== except && r.blobs.has(blob) && readable(name, r)) return name;
    return null;
  }
}
