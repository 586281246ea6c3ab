/** Backslash escapes as libbb's bb_process_escape_sequence() reads them (echo -e, printf, tr). */

const ONE: Record<string, number> = { a: 7, b: 8, e: 27, f: 12, n: 10, r: 13, t: 9, v: 11, "\\": 92 };

/**
 * Decode the escape after a backslash at `s[i]` (i points past the "\"). Returns the byte and
 * the index after the sequence. \NNN octal (up to 3 digits, value <= 255), \xHH hex, and the
 * one-letter escapes; anything else yields "\" and leaves the index where it was.
 */
export function escapeAt(s: Uint8Array, i: number): { byte: number; next: number } {
  let q = i;
  let n = 0;
  let digits = 0;
  let base = 8;
  if (s[q] === 0x78 /* x */) {
    q++;
    base = 16;
    digits++;
  }
  do {
    const ch = s[q];
    let d = ch === undefined ? 99 : ch - 48;
    if (ch !== undefined && (d < 0 || d >= 10)) {
      d = (ch | 0x20) - 97;
      d = d >= 0 ? d + 10 : 99;
    }
    if (d >= base) {
      if (base === 16 && --digits === 0) return { byte: 92, next: i };
      break;
    }
    const r = n * base + d;
    if (r > 255) break;
    n = r;
    q++;
  } while (++digits < 3);
  if (digits === 0) {
    const c = s[q] === undefined ? "" : String.fromCharCode(s[q]);
    if (c !== "" && ONE[c] !== undefined) return { byte: ONE[c], next: q + 1 };
    return { byte: 92, next: q };
  }
  return { byte: n, next: q };
}
