/** File modes: ls-style strings, the S_IFMT type bits, and chmod's mode parser (bb_parse_mode). */
import type { FileType, Stat } from "../../../fs/types";
import type { ProcessContext } from "../../program";

export const S_IFMT: Record<FileType, number> = {
  fifo: 0o010000,
  chardev: 0o020000,
  dir: 0o040000,
  file: 0o100000,
  symlink: 0o120000,
  socket: 0o140000,
};

const TYPE_CHAR: Record<FileType, string> = { fifo: "p", chardev: "c", dir: "d", file: "-", symlink: "l", socket: "s" };

/** The full st_mode: type bits and permission bits. */
export function fullMode(st: Pick<Stat, "type" | "mode">): number {
  return S_IFMT[st.type] | (st.mode & 0o7777);
}

/** "-rwxr-xr-x", "drwxrwxrwt", "-rwsr-xr-x" (bb_mode_string). */
export function modeString(st: Pick<Stat, "type" | "mode">): string {
  const m = st.mode;
  let s = TYPE_CHAR[st.type];
  const triple = (shift: number, special: number, lower: string, upper: string) => {
    const r = m & (4 << shift) ? "r" : "-";
    const w = m & (2 << shift) ? "w" : "-";
    const xb = m & (1 << shift);
    const x = m & special ? (xb ? lower : upper) : xb ? "x" : "-";
    return r + w + x;
  };
  s += triple(6, 0o4000, "s", "S");
  s += triple(3, 0o2000, "s", "S");
  s += triple(0, 0o1000, "t", "T");
  return s;
}

/** The process's umask (022 unless the process carries its own). */
export function umaskOf(ctx: ProcessContext): number {
  const u = (ctx.proc as unknown as { umask?: number }).umask;
  return typeof u === "number" ? u : 0o022;
}

const WHO: Record<string, number> = { a: 0o7777, u: 0o4700, g: 0o2070, o: 0o0007 };
const PERM: Record<string, number> = { r: 0o444, w: 0o222, x: 0o111, X: 0o111, s: 0o6000, t: 0o1000 };

/**
 * Apply a chmod mode (octal, or symbolic clauses like "u+x,go-w", "a=r", "g=u") to `current`
 * (permission bits; `isDir` for X). Returns null for an invalid mode.
 */
export function parseMode(s: string, current: number, isDir: boolean, umask = 0o022): number | null {
  if (/^[0-7]/.test(s)) {
    if (!/^[0-7]+$/.test(s)) return null;
    const v = parseInt(s, 8);
    return v > 0o7777 ? null : v;
  }
  let mode = current;
  let i = 0;
  while (i < s.length) {
    if (s[i] === ",") {
      i++;
      continue;
    }
    let who = 0;
    while (i < s.length && WHO[s[i]] !== undefined) {
      who |= WHO[s[i]];
      i++;
      if (i >= s.length) return null;
    }
    do {
      const op = s[i];
      if (op !== "+" && op !== "-" && op !== "=") return null;
      if (op === "=") mode &= who ? ~who : ~0o7777;
      i++;
      let perms = 0;
      const c = s[i];
      if (c === "u" || c === "g" || c === "o") {
        const src = WHO[c] & 0o777 & mode;
        for (const bits of [0o444, 0o222, 0o111]) if (src & bits) perms |= bits;
        i++;
      } else {
        while (i < s.length && PERM[s[i]] !== undefined) {
          if (s[i] !== "X" || isDir || mode & 0o111) perms |= PERM[s[i]];
          i++;
        }
      }
      if (perms) {
        perms &= who ? who : ~umask;
        if (op === "-") mode &= ~perms;
        else mode |= perms;
      }
    } while (i < s.length && s[i] !== ",");
  }
  return mode & 0o7777;
}
