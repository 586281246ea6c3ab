/**
 * The layer store: read-only layer trees addressed by content. A layer's diffID is the digest of
 * its uncompressed tar stream (layer-tar.ts writes it the way Docker does, or it is the stream a
 * layer was loaded or imported from); its chainID names the whole stack below it, as in the OCI
 * image spec:
 *   ChainID(L0) = DiffID(L0); ChainID(Ln) = sha256(ChainID(Ln-1) + " " + DiffID(Ln)).
 * Identical content on an identical parent is stored once, however often it is built or loaded.
 *
 * Images and containers reference layers through their image's top layer; other owners (the
 * build cache) take holds. A layer is freed when nothing references it any more (release).
 */
import { type Inode, treeSize, walk } from "../fs/inode";
import { digest, sha256Hex } from "../util/sha256";
import { layerTar } from "./layer-tar";

export interface Layer {
  diffId: string;
  chainId: string;
  parent: Layer | null;
  /** The layer's own entries, including whiteouts (".wh.x") and opaque markers. */
  root: Inode;
  /** Bytes as Docker reports a layer's size (regular files and symlinks, hard links once). */
  size: number;
  /** The exact stream a loaded or imported layer came from (docker save writes it back unchanged). */
  tar?: Uint8Array;
  /** Bytes an image model's layer stands for beyond the files it lists (counted in `size`; see images/model.ts). */
  abridged?: number;
}

/** The diffID of an empty layer: the digest of a tar holding nothing but its two end blocks. */
export const EMPTY_LAYER_DIFF_ID = "sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef";

const contentHashes = new WeakMap<Uint8Array, string>();

function contentHash(d: Uint8Array): string {
  let h = contentHashes.get(d);
  if (!h) {
    h = sha256Hex(d);
    contentHashes.set(d, h);
  }
  return h;
}

/**
 * A cheap digest of everything that decides a layer's tar bytes (paths, types, modes, owners,
 * whole-second times, content, link targets, hard links), used to remember tar digests.
 */
export function treeKey(root: Inode): string {
  const lines: string[] = [];
  const seen = new Map<Inode, string>();
  walk(root, (p, n) => {
    const path = p.join("/");
    const prior = seen.get(n);
    if (prior && n.type !== "dir") {
      lines.push(`h ${path} ${prior}`);
      return;
    }
    seen.set(n, path);
    const meta = `${n.mode.toString(8)} ${n.uid} ${n.gid} ${Math.floor(n.mtime / 1000)}`;
    if (n.type === "file") lines.push(`f ${path} ${meta} ${contentHash(n.data ?? new Uint8Array(0))}`);
    else if (n.type === "symlink") lines.push(`l ${path} ${meta} ${n.target}`);
    else if (n.type === "dir") lines.push(`d ${path} ${meta}`);
    else lines.push(`${n.type} ${path} ${meta} ${n.rdev ?? ""}`);
  });
  return sha256Hex(lines.join("\n"));
}

const TAR_DIGESTS = new Map<string, string>();
const TAR_DIGESTS_MAX = 512;

/** The diffID of a layer tree: the digest of its tar stream. */
export function diffIdOf(root: Inode): string {
  const key = treeKey(root);
  let d = TAR_DIGESTS.get(key);
  if (!d) {
    d = digest(layerTar(root));
    if (TAR_DIGESTS.size >= TAR_DIGESTS_MAX) TAR_DIGESTS.delete(TAR_DIGESTS.keys().next().value!);
    TAR_DIGESTS.set(key, d);
  }
  return d;
}

export function chainIdOf(parent: Layer | null, diffId: string): string {
  return parent ? "sha256:" + sha256Hex(parent.chainId + " " + diffId) : diffId;
}

export class LayerStore {
  readonly byChain = new Map<string, Layer>();
  /** Holds other than images' and containers': chainID -> owners (e.g. "buildkit"). */
  readonly holds = new Map<string, Set<string>>();

  /** Register a layer tree on top of `parent`; returns the stored layer (an existing one if identical). */
  register(root: Inode, parent: Layer | null, knownDiffId?: string, tar?: Uint8Array): Layer {
    const diffId = knownDiffId ?? (tar ? digest(tar) : diffIdOf(root));
    const chainId = chainIdOf(parent, diffId);
    const existing = this.byChain.get(chainId);
    if (existing) return existing;
    const layer: Layer = { diffId, chainId, parent, root, size: treeSize(root) };
    if (tar) layer.tar = tar;
    this.byChain.set(chainId, layer);
    return layer;
  }

  get(chainId: string): Layer | undefined {
    return this.byChain.get(chainId);
  }

  /** The tar stream of a layer: the one it came from, or the one its tree makes. */
  static tarOf(layer: Layer): Uint8Array {
    return layer.tar ?? layerTar(layer.root);
  }

  /** The stack from the bottom layer to `top`. */
  static stack(top: Layer | null): Layer[] {
    const out: Layer[] = [];
    for (let l = top; l; l = l.parent) out.unshift(l);
    return out;
  }

  /** Keep `layer` (and the layers below it) for `owner` until `unhold(owner)`. */
  hold(layer: Layer, owner: string): void {
    let owners = this.holds.get(layer.chainId);
    if (!owners) this.holds.set(layer.chainId, (owners = new Set()));
    owners.add(owner);
  }

  /** Drop every hold of `owner`; returns the chain IDs it held. */
  unhold(owner: string): string[] {
    const out: string[] = [];
    for (const [chain, owners] of this.holds) {
      if (owners.delete(owner)) out.push(chain);
      if (owners.size === 0) this.holds.delete(chain);
    }
    return out;
  }

  /**
   * Release one reference to `top`: remove it and the layers below it that nothing in `inUse`
   * (the tops images and containers use) or a hold still reaches. Returns the removed layers,
   * top first, as moby's layer store reports them.
   */
  release(top: Layer | null, inUse: Iterable<Layer | null>): Layer[] {
    const keep = new Set<string>();
    const mark = (l: Layer | null) => {
      for (; l && !keep.has(l.chainId); l = l.parent) keep.add(l.chainId);
    };
    for (const t of inUse) mark(t);
    for (const chain of this.holds.keys()) mark(this.byChain.get(chain) ?? null);
    const removed: Layer[] = [];
    for (let l = top; l && !keep.has(l.chainId); l = l.parent) {
      if (this.byChain.get(l.chainId) === l) this.byChain.delete(l.chainId);
      removed.push(l);
    }
    return removed;
  }

  /** Forget layers no image or container uses any more. */
  gc(inUse: Iterable<Layer | null>): number {
    const keep = new Set<string>();
    for (const top of inUse) for (let l = top; l; l = l.parent) keep.add(l.chainId);
    for (const chain of this.holds.keys()) for (let l = this.byChain.get(chain) ?? null; l; l = l.parent) keep.add(l.chainId);
    let n = 0;
    for (const id of [...this.byChain.keys()]) {
      if (!keep.has(id)) {
        this.byChain.delete(id);
        n++;
      }
    }
    return n;
  }
}
