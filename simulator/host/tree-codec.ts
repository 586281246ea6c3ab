/**
 * Inode trees as plain JSON: one row per entry in sorted order, hard links by path, file content
 * through a shared blob table (deduplicated by array and by content), simulated executables by
 * program name and size instead of their bytes.
 */
import { type Inode, nextIno } from "../fs/inode";
import { programBytes, programIdentity } from "../runtime/exec";
import { base64Decode, base64Encode, bytesEqual } from "../util/bytes";
import { sha256Hex } from "../util/sha256";

/** [path, type, mode, uid, gid, mtime, payload] ; payload: blob index | target | rdev | "=path" (hard link) */
export type TreeRow = [string, string, number, number, number, number, (string | number)?];
export interface TreeJSON {
  root: [number, number, number, number];
  rows: TreeRow[];
}
export type BlobJSON = string | { program: string; size: number };

export class BlobTable {
  readonly blobs: BlobJSON[] = [];
  private byArray = new Map<Uint8Array, number>();
  private byHash = new Map<string, number>();

  add(d: Uint8Array): number {
    const known = this.byArray.get(d);
    if (known !== undefined) return known;
    const prog = programIdentity(d);
    let idx: number;
    if (prog) {
      const key = `prog:${prog.id}:${prog.size}`;
      idx = this.byHash.get(key) ?? this.blobs.push({ program: prog.id, size: prog.size }) - 1;
      this.byHash.set(key, idx);
    } else {
      const key = d.length > 64 ? sha256Hex(d) : "raw:" + base64Encode(d);
      idx = this.byHash.get(key) ?? this.blobs.push(base64Encode(d)) - 1;
      this.byHash.set(key, idx);
    }
    this.byArray.set(d, idx);
    return idx;
  }
}

export function decodeBlobs(blobs: BlobJSON[]): Uint8Array[] {
  return blobs.map((b) => (typeof b === "string" ? base64Decode(b) : programBytes(b.program, b.size)));
}

export function encodeTree(root: Inode, blobs: BlobTable): TreeJSON {
  const rows: TreeRow[] = [];
  const seen = new Map<Inode, string>();
  const visit = (dir: Inode, prefix: string) => {
    for (const name of [...dir.entries!.keys()].sort()) {
      const n = dir.entries!.get(name)!;
      const path = prefix + name;
      const prior = seen.get(n);
      if (prior !== undefined && n.type !== "dir") {
        rows.push([path, "h", 0, 0, 0, 0, "=" + prior]);
        continue;
      }
      seen.set(n, path);
      const row: TreeRow = [path, n.type, n.mode, n.uid, n.gid, n.mtime];
      if (n.type === "file") row.push(blobs.add(n.data ?? new Uint8Array(0)));
      else if (n.type === "symlink") row.push(n.target ?? "");
      else if (n.rdev !== undefined) row.push(n.rdev);
      rows.push(row);
      if (n.type === "dir") visit(n, path + "/");
    }
  };
  if (root.type === "dir") visit(root, "");
  const r: TreeJSON = { root: [root.mode, root.uid, root.gid, root.mtime], rows };
  if (root.type !== "dir") {
    // a single-file tree (a bind-mounted /etc/hosts)
    rows.push(["", root.type, root.mode, root.uid, root.gid, root.mtime, blobs.add(root.data ?? new Uint8Array(0))]);
  }
  return r;
}

export function decodeTree(t: TreeJSON, blobs: Uint8Array[]): Inode {
  if (t.rows.length === 1 && t.rows[0][0] === "") {
    const [, type, mode, uid, gid, mtime, payload] = t.rows[0];
    return { ino: nextIno(), type: type as Inode["type"], mode, uid, gid, mtime, nlink: 1, data: blobs[payload as number] };
  }
  const [mode, uid, gid, mtime] = t.root;
  const root: Inode = { ino: nextIno(), type: "dir", mode, uid, gid, mtime, nlink: 2, entries: new Map() };
  const byPath = new Map<string, Inode>([["", root]]);
  for (const [path, type, m, u, g, mt, payload] of t.rows) {
    const slash = path.lastIndexOf("/");
    const parent = byPath.get(slash < 0 ? "" : path.slice(0, slash));
    if (!parent || parent.type !== "dir") throw new Error(`bad saved tree at ${path}`);
    const name = path.slice(slash + 1);
    let n: Inode;
    if (type === "h") {
      n = byPath.get(String(payload).slice(1))!;
      if (!n) throw new Error(`bad hard link at ${path}`);
      n.nlink++;
    } else {
      n = { ino: nextIno(), type: type as Inode["type"], mode: m, uid: u, gid: g, mtime: mt, nlink: type === "dir" ? 2 : 1 };
      if (type === "dir") {
        n.entries = new Map();
        parent.nlink++;
      } else if (type === "file") n.data = blobs[payload as number] ?? new Uint8Array(0);
      else if (type === "symlink") n.target = String(payload ?? "");
      else if (payload !== undefined) n.rdev = String(payload);
    }
    parent.entries!.set(name, n);
    byPath.set(path, n);
  }
  return root;
}

export { bytesEqual };
