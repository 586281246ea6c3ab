/**
 * COPY and ADD: sources (from the build context, another stage or an image) written into a new
 * layer over the stage's layers, with Docker's rules: a directory source copies its contents,
 * a destination ending in "/" (or an existing directory, or several sources) is a directory,
 * wildcards match within one path element, --chown/--chmod set owner and mode, and ADD unpacks
 * a local tar archive.
 */
import { type Inode, newDir } from "../fs/inode";
import type { Backend } from "../fs/types";
import { LayerStore, type Layer } from "../snapshots/layers";
import { OverlayFs } from "../snapshots/overlay";
import { readTar } from "../util/tar";
import { gunzip } from "../util/gzip";
import { globRegex } from "./dockerfile/lex";

export class NotFoundError extends Error {
  constructor(readonly path: string) {
    super(`"${path}" not found: not found`);
  }
}

export interface CopySpec {
  sources: string[];
  /** Inline files (here-documents): name and content. */
  contents: { path: string; data: string }[];
  /** Destination, already expanded and made absolute. */
  dest: string;
  destIsDir: boolean;
  uid?: number;
  gid?: number;
  chmod?: number;
  /** ADD: unpack tar archives. */
  extract: boolean;
  now: number;
}

const split = (p: string) => p.split("/").filter((x) => x !== "" && x !== ".");

/** Merged read-only view of a layer stack (or of a plain tree such as the build context). */
export function viewOf(top: Layer | null, tree?: Inode): Backend {
  const lowers = tree ? [tree] : LayerStore.stack(top).reverse().map((l) => l.root);
  return new OverlayFs(lowers.length ? lowers : [newDir(0o755, 0, 0, 0)], undefined, () => 0, true);
}

/** Expands wildcards in a source path against `src`: matching paths, sorted. */
export function matchSources(src: Backend, pattern: string): string[][] {
  const parts = split(pattern);
  if (!/[*?[]/.test(pattern)) {
    // a path that escapes the context resolves inside it
    const clean: string[] = [];
    for (const p of parts) if (p === "..") clean.pop();
    else clean.push(p);
    return src.lstat(clean) ? [clean] : [];
  }
  let found: string[][] = [[]];
  for (const part of parts) {
    const next: string[][] = [];
    const re = /[*?[]/.test(part) ? new RegExp(`^${globRegex(part)}$`) : null;
    for (const base of found) {
      const st = src.lstat(base);
      if (!st || st.type !== "dir") continue;
      if (!re) {
        if (src.lstat([...base, part])) next.push([...base, part]);
        continue;
      }
      for (const name of src.readdir(base).sort()) if (re.test(name) && !name.startsWith(".wh.")) next.push([...base, name]);
    }
    found = next;
  }
  return found;
}

function isTar(data: Uint8Array): Uint8Array | null {
  let d = data;
  if (d.length > 2 && d[0] === 0x1f && d[1] === 0x8b) {
    try {
      d = gunzip(d);
    } catch {
      return null;
    }
  }
  if (d.length >= 512 && String.fromCharCode(...d.slice(257, 262)) === "ustar") return d;
  return null;
}

/** Creates the parent directories of `p` in `dst` (0755, root unless told). */
function mkdirp(dst: Backend, p: string[], now: number, owner?: { uid: number; gid: number }): void {
  for (let i = 1; i <= p.length; i++) {
    const sub = p.slice(0, i);
    const st = dst.lstat(sub);
    if (!st) dst.mkdir(sub, { mode: 0o755, uid: owner?.uid ?? 0, gid: owner?.gid ?? 0, mtime: now });
  }
}

function copyEntry(src: Backend, from: string[], dst: Backend, to: string[], spec: CopySpec, top: boolean): void {
  const st = src.lstat(from)!;
  const uid = spec.uid ?? 0;
  const gid = spec.gid ?? 0;
  const existing = dst.lstat(to);
  if (st.type === "dir") {
    if (existing && existing.type !== "dir") dst.unlink(to);
    if (!existing || existing.type !== "dir") dst.mkdir(to, { mode: st.mode, uid, gid, mtime: st.mtime });
    else if (!top || spec.uid !== undefined) dst.setattr(to, { uid: spec.uid !== undefined ? uid : undefined, gid: spec.uid !== undefined ? gid : undefined });
    for (const name of src.readdir(from).sort()) {
      if (name.startsWith(".wh.")) continue;
      copyEntry(src, [...from, name], dst, [...to, name], spec, false);
    }
    if (!top || !existing) dst.setattr(to, { mode: st.mode, mtime: st.mtime });
    return;
  }
  if (existing?.type === "dir") dst.rmdir(to);
  else if (existing) dst.unlink(to);
  const mode = spec.chmod ?? st.mode;
  if (st.type === "file") dst.writeFile(to, src.readFile(from), { mode, uid, gid, mtime: st.mtime });
  else if (st.type === "symlink") dst.symlink(st.target ?? "", to, { mode: 0o777, uid, gid, mtime: st.mtime });
  else return;
  dst.setattr(to, { mode: st.type === "symlink" ? undefined : mode, uid, gid, mtime: st.mtime });
}

function extractTar(tar: Uint8Array, dst: Backend, dest: string[], spec: CopySpec): void {
  for (const e of readTar(tar)) {
    const p = [...dest, ...split(e.name)];
    if (p.length === dest.length) continue;
    mkdirp(dst, p.slice(0, -1), spec.now);
    const existing = dst.lstat(p);
    const meta = { mode: e.mode, uid: spec.uid ?? e.uid, gid: spec.gid ?? e.gid, mtime: e.mtime };
    if (e.type === "dir") {
      if (!existing) dst.mkdir(p, meta);
      else dst.setattr(p, meta);
      continue;
    }
    if (existing) existing.type === "dir" ? dst.rmdir(p) : dst.unlink(p);
    if (e.type === "file") dst.writeFile(p, e.data ?? new Uint8Array(0), meta);
    else if (e.type === "symlink") dst.symlink(e.linkname ?? "", p, meta);
    else if (e.type === "hardlink") dst.link([...dest, ...split(e.linkname ?? "")], p);
  }
}

/**
 * Runs a COPY/ADD over the stage's layers; returns the new layer's tree (the overlay's upper).
 * Throws NotFoundError for a source that matches nothing.
 */
export function copyInto(top: Layer | null, src: Backend, spec: CopySpec): Inode {
  const overlay = new OverlayFs(LayerStore.stack(top).reverse().map((l) => l.root), undefined, () => spec.now);
  const dst: Backend = overlay;
  const destParts = split(spec.dest);
  const matches: string[][] = [];
  for (const s of spec.sources) {
    const m = matchSources(src, s);
    if (m.length === 0) throw new NotFoundError("/" + split(s).join("/"));
    matches.push(...m);
  }
  const total = matches.length + spec.contents.length;
  const destSt = dst.lstat(destParts);
  const intoDir = spec.destIsDir || total > 1 || destSt?.type === "dir";
  const owner = spec.uid !== undefined ? { uid: spec.uid, gid: spec.gid ?? spec.uid } : undefined;
  for (const from of matches) {
    const st = src.lstat(from)!;
    if (spec.extract && st.type === "file") {
      const tar = isTar(src.readFile(from));
      if (tar) {
        mkdirp(dst, destParts, spec.now, owner);
        extractTar(tar, dst, destParts, spec);
        continue;
      }
    }
    if (st.type === "dir") {
      mkdirp(dst, destParts.slice(0, -1), spec.now, owner);
      copyEntry(src, from, dst, destParts, spec, true);
      continue;
    }
    const to = intoDir ? [...destParts, from[from.length - 1]] : destParts;
    mkdirp(dst, to.slice(0, -1), spec.now, owner);
    copyEntry(src, from, dst, to, spec, true);
  }
  for (const c of spec.contents) {
    const to = intoDir ? [...destParts, ...split(c.path)] : destParts;
    mkdirp(dst, to.slice(0, -1), spec.now, owner);
    if (dst.lstat(to)) dst.unlink(to);
    dst.writeFile(to, new TextEncoder().encode(c.data), { mode: spec.chmod ?? 0o644, uid: spec.uid ?? 0, gid: spec.gid ?? 0, mtime: spec.now });
  }
  return overlay.upper;
}
