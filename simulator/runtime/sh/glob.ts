/**
 * Pathname expansion against the process's filesystem view: each pattern component is matched
 * against directory entries (a leading '.' only by an explicit '.'), results sorted bytewise.
 */
import type { Vfs } from "../vfs";
import { hasMeta, matchPattern, unescapePattern } from "./pattern";

/** Split on unescaped '/'. */
function components(p: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === "\\" && i + 1 < p.length) {
      cur += c + p[++i];
    } else if (c === "/") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function isDir(vfs: Vfs, p: string): boolean {
  try {
    return vfs.stat(p).type === "dir";
  } catch {
    return false;
  }
}

function exists(vfs: Vfs, p: string): boolean {
  try {
    vfs.lstat(p);
    return true;
  } catch {
    return false;
  }
}

/** Matches for a pattern (already known to contain metacharacters), or [] when none match. */
export function glob(vfs: Vfs, pattern: string): string[] {
  const comps = components(pattern);
  let prefixes = [""];
  let start = 0;
  if (comps[0] === "") {
    prefixes = ["/"];
    start = 1;
    while (start < comps.length - 1 && comps[start] === "") start++;
  }
  let checked = true;
  for (let i = start; i < comps.length; i++) {
    const comp = comps[i];
    const last = i === comps.length - 1;
    if (comp === "") {
      // a trailing slash: only directories, and the slash is kept
      if (last) prefixes = prefixes.filter((p) => isDir(vfs, p)).map((p) => p + "/");
      continue;
    }
    const sep = (p: string): string => (p === "" || p.endsWith("/") ? p : p + "/");
    if (!hasMeta(comp)) {
      const lit = unescapePattern(comp);
      prefixes = prefixes.map((p) => sep(p) + lit);
      checked = false;
      continue;
    }
    const next: string[] = [];
    for (const p of prefixes) {
      const dir = p === "" ? "." : p;
      let names: string[];
      try {
        names = vfs.readdir(dir);
      } catch {
        continue;
      }
      const dotOk = comp.startsWith(".") || comp.startsWith("\\.");
      if (dotOk) names = [".", "..", ...names];
      for (const n of names) {
        if (n.startsWith(".") && !dotOk) continue;
        if (!matchPattern(comp, n)) continue;
        const cand = sep(p) + n;
        if (!last && !isDir(vfs, cand)) continue;
        next.push(cand);
      }
    }
    prefixes = next;
    checked = true;
    if (prefixes.length === 0) return [];
  }
  if (!checked) prefixes = prefixes.filter((p) => exists(vfs, p));
  return prefixes.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
