/** The shape of a recorded case and the small word splitter the case tables use. */
import type { Entry } from "./fixture";

export interface Case {
  /** The command line: words split like a shell would ('single', "double" quotes, \ escapes). */
  cmd: string;
  stdin?: string;
  /** Working directory below the fixture root. */
  cwd?: string;
  /** Extra fixture entries for this case. */
  setup?: Entry[];
  /** Compare the fixture tree after the command (for applets that change files). */
  tree?: boolean;
  /** Compare stdout as sorted lines (directory order differs between filesystems). */
  sort?: boolean;
  /** Regular expressions whose matches are replaced by "#" before comparing (inode numbers...). */
  mask?: string[];
  /** Extra environment. */
  env?: Record<string, string>;
}

export function words(cmd: string): string[] {
  const out: string[] = [];
  let cur = "";
  let has = false;
  for (let i = 0; i < cmd.length; i++) {
    const c = cmd[i];
    if (c === "'") {
      const j = cmd.indexOf("'", i + 1);
      cur += cmd.slice(i + 1, j);
      i = j;
      has = true;
    } else if (c === '"') {
      i++;
      while (i < cmd.length && cmd[i] !== '"') {
        if (cmd[i] === "\\" && '"\\$`'.includes(cmd[i + 1])) i++;
        cur += cmd[i++];
      }
      has = true;
    } else if (c === "\\") {
      cur += cmd[++i] ?? "";
      has = true;
    } else if (c === " " || c === "\t" || c === "\n") {
      if (has) out.push(cur);
      cur = "";
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

/** The key a case's recording is stored under. */
export function caseKey(c: Case): string {
  return JSON.stringify([c.cmd, c.stdin ?? null, c.cwd ?? null, c.setup ?? null]);
}

export interface Recorded {
  stdout: string;
  stderr: string;
  exit: number;
  tree?: string;
  /** Seconds since the epoch when the command ran. */
  now: number;
}

export interface RecordFile {
  /** The fixture's reference time (ms). */
  base: number;
  results: Record<string, Recorded>;
}

export function applyMask(s: string, mask: string[] | undefined): string {
  if (!mask) return s;
  for (const m of mask) s = s.replace(new RegExp(m, "g"), "#");
  return s;
}

export function sortLines(s: string): string {
  return s.split("\n").filter((l, i, a) => l !== "" || i < a.length - 1).sort().join("\n");
}

/** One line per entry of a tree listing: what a mutation test compares. */
export interface TreeItem {
  path: string;
  type: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  nlink: number;
  target?: string;
  content?: string;
}

export function formatTree(items: TreeItem[], now: number): string {
  return items
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((i) => {
      const t = Math.abs(i.mtime - now) < 3600_000 ? "now" : new Date(i.mtime).toISOString();
      let s = `${i.path} ${i.type} ${i.mode.toString(8)} ${i.uid}:${i.gid} n${i.nlink} ${i.type === "d" ? "-" : i.size} ${t}`;
      if (i.target !== undefined) s += ` -> ${i.target}`;
      if (i.content !== undefined) s += ` ${JSON.stringify(i.content.length > 120 ? i.content.slice(0, 120) + "..." : i.content)}`;
      return s;
    })
    .join("\n");
}
