/** POSIX path helpers (pure string work; no filesystem access). */

export function split(p: string): string[] {
  return p.split("/").filter((c) => c !== "" && c !== ".");
}

/** Lexically normalise an absolute path ("/a/./b/../c" -> "/a/c"). */
export function normalize(p: string): string {
  const out: string[] = [];
  for (const c of p.split("/")) {
    if (c === "" || c === ".") continue;
    if (c === "..") out.pop();
    else out.push(c);
  }
  return "/" + out.join("/");
}

export function join(...parts: string[]): string {
  return normalize(parts.join("/"));
}

/** Resolve `p` against `cwd` lexically (symlinks are resolved by the mount namespace). */
export function resolve(cwd: string, p: string): string {
  return p.startsWith("/") ? normalize(p) : normalize(cwd + "/" + p);
}

export function dirname(p: string): string {
  const s = p.replace(/\/+$/, "");
  const i = s.lastIndexOf("/");
  if (i < 0) return ".";
  if (i === 0) return "/";
  return s.slice(0, i);
}

export function basename(p: string): string {
  const s = p.replace(/\/+$/, "");
  if (s === "") return p.startsWith("/") ? "/" : "";
  return s.slice(s.lastIndexOf("/") + 1);
}

export function toPath(components: readonly string[]): string {
  return "/" + components.join("/");
}
