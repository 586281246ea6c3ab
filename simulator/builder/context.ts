/**
 * The build context: the files of a host directory as the CLI sends them to the builder, less
 * what .dockerignore (or <Dockerfile>.dockerignore) excludes, as an inode tree; plus content
 * checksums of paths in it (content, names, modes and link targets, never mtimes), which is what
 * COPY and ADD cache keys are made of.
 */
import { type Inode, newDir, nextIno, walk } from "../fs/inode";
import { join } from "../fs/path";
import type { Vfs } from "../runtime/vfs";
import { sha256Hex } from "../util/sha256";
import { compilePatterns, isExcluded, readDockerignore } from "./dockerignore";

export interface BuildContext {
  root: Inode;
  /** Bytes the CLI would transfer (file contents and a header per entry). */
  size: number;
  /** The ignore file that was used, or "" for none. */
  ignoreFile: string;
  /** Bytes of the ignore file (0 for none). */
  ignoreSize: number;
  patterns: string[];
}

export function emptyContext(now: number): BuildContext {
  return { root: newDir(0o755, 0, 0, now), size: 0, ignoreFile: "", ignoreSize: 0, patterns: [] };
}

/** Reads `dir` through the CLI's filesystem view. `dockerfileName` picks <name>.dockerignore. */
export function readContext(fs: Vfs, dir: string, dockerfileName: string, maxEntries = 20000): BuildContext {
  let ignoreFile = "";
  let ignoreSize = 0;
  let patterns: string[] = [];
  for (const cand of [`${dockerfileName}.dockerignore`, ".dockerignore"]) {
    const p = join(dir, cand);
    if (dockerfileName && fs.exists(p) && fs.stat(p).type === "file") {
      ignoreFile = cand;
      const bytes = fs.readFile(p);
      ignoreSize = bytes.length;
      patterns = readDockerignore(new TextDecoder().decode(bytes));
      break;
    }
  }
  const compiled = compilePatterns(patterns);
  const rootSt = fs.stat(dir);
  const root: Inode = { ino: nextIno(), type: "dir", mode: rootSt.mode, uid: 0, gid: 0, mtime: rootSt.mtime, nlink: 2, entries: new Map() };
  let count = 0;
  let size = 0;
  const visit = (abs: string, rel: string, into: Inode): boolean => {
    let kept = false;
    for (const name of fs.readdir(abs).sort()) {
      if (++count > maxEntries) throw new Error("build context too large");
      const a = join(abs, name);
      const r = rel ? `${rel}/${name}` : name;
      const st = fs.lstat(a);
      const excluded = isExcluded(r, compiled);
      const base = { ino: nextIno(), mode: st.mode, uid: st.uid, gid: st.gid, mtime: st.mtime, nlink: 1 };
      if (st.type === "dir") {
        const d: Inode = { ...base, type: "dir", nlink: 2, entries: new Map() };
        // an excluded directory is still walked when an exception may bring files back
        const hasExceptions = compiled.some((p) => p.exclusion);
        if (excluded && !hasExceptions) continue;
        const inner = visit(a, r, d);
        if (!excluded || inner) {
          into.entries!.set(name, d);
          size += 512;
          kept = true;
        }
      } else if (!excluded) {
        if (st.type === "file") into.entries!.set(name, { ...base, type: "file", data: fs.readFile(a) });
        else if (st.type === "symlink") into.entries!.set(name, { ...base, type: "symlink", target: st.target ?? fs.readlink(a) });
        else continue;
        size += 512 + st.size;
        kept = true;
      }
    }
    return kept;
  };
  visit(dir, "", root);
  return { root, size, ignoreFile, ignoreSize, patterns };
}

/** Checksum of a tree or file: what a COPY of it depends on (no mtimes). */
export function contentChecksum(n: Inode, name = ""): string {
  const lines: string[] = [];
  const line = (p: string, x: Inode) => {
    const meta = `${x.type} ${x.mode.toString(8)} ${p}`;
    if (x.type === "file") lines.push(`${meta} ${sha256Hex(x.data ?? new Uint8Array())}`);
    else if (x.type === "symlink") lines.push(`${meta} -> ${x.target}`);
    else lines.push(meta);
  };
  line(name, n);
  if (n.type === "dir") walk(n, (p, x) => line(p.join("/"), x));
  return sha256Hex(lines.join("\n"));
}
