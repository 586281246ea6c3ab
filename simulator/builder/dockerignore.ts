/**
 * .dockerignore patterns as Docker reads and matches them (moby/patternmatcher): one pattern a
 * line, `#` comments, `!` exceptions, paths cleaned and made relative, `*` and `?` within one
 * path element, `**` across any number of them; a path is excluded when it or one of its parent
 * directories matches, and the last matching pattern decides.
 */
import { normalize } from "../fs/path";

export interface IgnorePattern {
  text: string;
  exclusion: boolean;
  re: RegExp;
}

/** Reads a .dockerignore file into patterns. */
export function readDockerignore(text: string): string[] {
  const out: string[] = [];
  for (let line of text.split("\n")) {
    line = line.replace(/\r$/, "");
    if (line.startsWith("#")) continue;
    line = line.trim();
    if (line === "") continue;
    let invert = false;
    if (line.startsWith("!")) {
      invert = true;
      line = line.slice(1).trim();
    }
    if (line.length > 0) {
      line = cleanPath(line);
      if (line.length > 1 && line.startsWith("/")) line = line.slice(1);
    }
    out.push(invert ? "!" + line : line);
  }
  return out;
}

function cleanPath(p: string): string {
  const abs = p.startsWith("/");
  const n = normalize(abs ? p : "/" + p);
  if (abs) return n;
  const rel = n.replace(/^\/+/, "");
  return rel === "" ? "." : rel;
}

function toRegex(pattern: string): RegExp {
  let re = "^";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        i++;
        // "**/" also matches no directory at all
        if (pattern[i + 1] === "/") {
          i++;
          re += "(?:.*/)?";
        } else re += ".*";
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end < 0) re += "\\[";
      else {
        let cls = pattern.slice(i + 1, end);
        if (cls.startsWith("^") || cls.startsWith("!")) cls = "^" + cls.slice(1);
        re += "[" + cls + "]";
        i = end;
      }
    } else if (c === "\\" && i + 1 < pattern.length) re += escape(pattern[++i]);
    else re += escape(c);
  }
  return new RegExp(re + "$");
}

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

export function compilePatterns(lines: string[]): IgnorePattern[] {
  return lines.map((l) => {
    const exclusion = l.startsWith("!");
    const text = exclusion ? l.slice(1) : l;
    let re: RegExp;
    try {
      re = toRegex(text);
    } catch {
      re = /^$/;
    }
    return { text, exclusion, re };
  });
}

/** Whether a context-relative path ("a/b.txt") is excluded. */
export function isExcluded(path: string, patterns: IgnorePattern[]): boolean {
  const parts = path.split("/");
  let matched = false;
  for (const p of patterns) {
    if (p.exclusion !== matched) continue;
    let m = p.re.test(path);
    for (let i = 1; !m && i < parts.length; i++) m = p.re.test(parts.slice(0, i).join("/"));
    if (m) matched = !p.exclusion;
  }
  return matched;
}
