/** What stat(2) would add to the simulator's Stat: allocated blocks and device numbers. */
import type { Stat } from "../../../fs/types";

/** The filesystem block size the simulator models (ext4's 4 KiB). */
export const BLOCK = 4096;

/** st_blocks: 512-byte units allocated (whole 4 KiB blocks; symlinks and devices take none). */
export function blocks512(st: Stat): number {
  if (st.type === "file" || st.type === "dir") return Math.ceil(st.size / BLOCK) * (BLOCK / 512);
  return 0;
}

/** Major and minor numbers of the character devices the simulator has. */
const DEVNUMS: Record<string, [number, number]> = {
  null: [1, 3],
  zero: [1, 5],
  full: [1, 7],
  random: [1, 8],
  urandom: [1, 9],
  tty: [5, 0],
  console: [5, 1],
  ptmx: [5, 2],
};

export function devNumbers(st: Stat): [number, number] {
  return (st.rdev && DEVNUMS[st.rdev]) || [0, 0];
}

/** Compare names as strcmp in the C locale does (code point order equals UTF-8 byte order). */
export function strcmp(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    if (x.value !== y.value) return x.value.codePointAt(0)! - y.value.codePointAt(0)!;
  }
}

/** Join a directory and a name without doubling a slash (concat_path_file). */
export function joinPath(dir: string, name: string): string {
  return dir.endsWith("/") ? dir + name : dir + "/" + name;
}

/**
 * strverscmp(3): like strcmp, but runs of digits compare by value, and runs with leading
 * zeros as fractional parts ("ls -v", "sort -V").
 */
export function strverscmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  const digit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
  while (i < a.length && j < b.length) {
    if (digit(a[i]) && digit(b[j])) {
      let x = i;
      let y = j;
      while (digit(a[x])) x++;
      while (digit(b[y])) y++;
      const da = a.slice(i, x);
      const db = b.slice(j, y);
      const fa = da.startsWith("0");
      const fb = db.startsWith("0");
      let d = 0;
      if (fa || fb) {
        // leading zeros: compare as fractions, a run with more leading zeros is smaller
        const za = da.length - da.replace(/^0+/, "").length;
        const zb = db.length - db.replace(/^0+/, "").length;
        if (za !== zb) d = zb - za;
        else d = da < db ? -1 : da > db ? 1 : 0;
      } else d = da.length !== db.length ? da.length - db.length : da < db ? -1 : da > db ? 1 : 0;
      if (d) return d;
      i = x;
      j = y;
      continue;
    }
    if (a[i] !== b[j]) return strcmp(a[i], b[j]);
    i++;
    j++;
  }
  return a.length - i - (b.length - j);
}
