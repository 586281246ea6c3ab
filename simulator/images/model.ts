/**
 * Image models: how a built-in image other than the lab's busybox is described and loaded.
 *
 * A model is the image's published config (Env, Cmd, Entrypoint, ExposedPorts, Volumes,
 * WorkingDir, StopSignal, Labels), its history (one step per Dockerfile instruction, with the
 * `created_by` text `docker history` shows) and, for each step that made a layer, that layer's
 * files. The files are an abridged selection: the ones the image's behaviour and a learner's
 * `ls` need. The bytes the selection leaves out are declared per layer (`abridged`), so a layer
 * counts the size the real layer has in `docker images` and `docker history` without the
 * simulation holding them.
 *
 * Executables are simulated programs (see runtime/exec.ts): a file whose bytes name a program
 * the kernel runs. A model lists the programs it needs; the host registers every catalog
 * program at start, so saved states that hold a model's image run it too.
 */
import type { ContainerConfig, HistoryEntry, ImageConfig } from "../api/types";
import { emptyContainerConfig } from "../api/types";
import { rfc3339 } from "../daemon/container/state";
import type { Daemon } from "../daemon/daemon";
import { imageIdOf, type Image } from "../daemon/images/image";
import { parseRefOrThrow, refKey } from "../daemon/images/lookup";
import { type Inode, nextIno, treeSize } from "../fs/inode";
import { programBytes } from "../runtime/exec";
import type { Layer } from "../snapshots/layers";
import { utf8 } from "../util/bytes";

export const MAX_LISTED_BINARY = 2_000_000;
export const STUB_BINARY = 65_536;

/** The files of one layer, made path by path; parents are made as 0755 root directories. */
export class LayerTree {
  readonly root: Inode;
  constructor(readonly mtime: number) {
    this.root = { ino: nextIno(), type: "dir", mode: 0o755, uid: 0, gid: 0, mtime, nlink: 2, entries: new Map() };
  }

  private parentOf(path: string): [Inode, string] {
    const parts = path.replace(/^\/+/, "").split("/");
    const name = parts.pop()!;
    let dir = this.root;
    for (const p of parts) {
      let next = dir.entries!.get(p);
      if (!next) {
        next = { ino: nextIno(), type: "dir", mode: 0o755, uid: 0, gid: 0, mtime: this.mtime, nlink: 2, entries: new Map() };
        dir.entries!.set(p, next);
        dir.nlink++;
      }
      dir = next;
    }
    return [dir, name];
  }

  private put(path: string, n: Inode): Inode {
    const [dir, name] = this.parentOf(path);
    const prior = dir.entries!.get(name);
    if (prior?.type === "dir" && n.type === "dir") {
      Object.assign(prior, { mode: n.mode, uid: n.uid, gid: n.gid });
      return prior;
    }
    dir.entries!.set(name, n);
    if (n.type === "dir") dir.nlink++;
    return n;
  }

  dir(path: string, mode = 0o755, uid = 0, gid = 0): this {
    this.put(path, { ino: nextIno(), type: "dir", mode, uid, gid, mtime: this.mtime, nlink: 2, entries: new Map() });
    return this;
  }

  file(path: string, content: string | Uint8Array, mode = 0o644, uid = 0, gid = 0): this {
    this.put(path, { ino: nextIno(), type: "file", mode, uid, gid, mtime: this.mtime, nlink: 1, data: typeof content === "string" ? utf8(content) : content });
    return this;
  }

  /**
   * An executable that runs simulated program `id`; `size` is the real binary's size. Binaries
   * over 2 MB are listed as 64 KiB stubs (their bytes count as abridged), so that no layer holds
   * megabytes of placeholder content.
   */
  exe(path: string, id: string, size: number, mode = 0o755): this {
    return this.file(path, programBytes(id, size > MAX_LISTED_BINARY ? STUB_BINARY : size), mode);
  }

  symlink(path: string, target: string): this {
    this.put(path, { ino: nextIno(), type: "symlink", mode: 0o777, uid: 0, gid: 0, mtime: this.mtime, nlink: 1, target });
    return this;
  }

  /** A hard link to a file this layer already has. */
  hardlink(path: string, existing: string): this {
    const [dir, name] = this.parentOf(existing);
    const n = dir.entries!.get(name);
    if (!n || n.type === "dir") throw new Error(`image model: no file ${existing} to link`);
    n.nlink++;
    const [d2, name2] = this.parentOf(path);
    d2.entries!.set(name2, n);
    return this;
  }
}

/** One history entry: an instruction, and the layer it made (none for metadata instructions). */
export interface ModelStep {
  createdBy: string;
  /** Seconds after the model's base time (keeps the real build's spacing). */
  at: number;
  /** Files of the layer this step made; absent for an empty layer. */
  layer?: (t: LayerTree) => void;
  /** The real layer's size in bytes (the files listed count towards it, the rest is abridged). */
  size?: number;
  /** The history comment; BuildKit's "buildkit.dockerfile.v0" unless given (null: none). */
  comment?: string | null;
}

export interface ImageModel {
  /** Repository and tags this image is known by ("nginx:latest", "nginx:1.31.3"). */
  tags: string[];
  /** When the image's first step ran, as ms before the catalog time. */
  age: number;
  steps: ModelStep[];
  config: Partial<ContainerConfig>;
  architecture?: string;
  os?: string;
}

/** Build the image a model describes into the daemon's stores and tag it. Returns the image. */
export function loadModel(d: Daemon, m: ImageModel, catalogTime: number): Image {
  let top: Layer | null = null;
  const t0 = catalogTime - m.age;
  const history: HistoryEntry[] = [];
  const diffIds: string[] = [];
  for (const s of m.steps) {
    const when = t0 + s.at * 1000;
    const created = rfc3339(when);
    const comment = s.comment === undefined ? "buildkit.dockerfile.v0" : (s.comment ?? undefined);
    if (!s.layer) {
      history.push({ created, created_by: s.createdBy, ...(comment ? { comment } : {}), empty_layer: true });
      continue;
    }
    const tree = new LayerTree(Math.floor(when / 1000) * 1000);
    s.layer(tree);
    const layer: Layer = d.layers.register(tree.root, top);
    const listed = treeSize(layer.root);
    if (s.size !== undefined && s.size > listed) {
      layer.abridged = s.size - listed;
      layer.size = s.size;
    }
    top = layer;
    diffIds.push(layer.diffId);
    history.push({ created, created_by: s.createdBy, ...(comment ? { comment } : {}) });
  }
  const last = history[history.length - 1].created;
  const config: ContainerConfig = { ...emptyContainerConfig(), ...m.config };
  const ic: ImageConfig = {
    architecture: m.architecture ?? "amd64",
    config,
    created: last,
    history,
    os: m.os ?? "linux",
    rootfs: { type: "layers", diff_ids: diffIds },
  };
  const id = imageIdOf(ic);
  const img = d.images.add({ id, config: ic, top, parent: "" });
  for (const t of m.tags) d.images.setTag(refKey(parseRefOrThrow(t)), id);
  return img;
}
