/** BusyBox's bb_process_escape_sequence (\a \b \e \f \n \r \t \v \\ \NNN \xHH) and byte output. */
import { utf8 } from "../../../util/bytes";

const SIMPLE: Record<string, number> = { a: 7, b: 8, e: 27, f: 12, n: 10, r: 13, t: 9, v: 11, "\\": 92 };

/** Decode the escape whose letter is at s[i] (after the backslash): [byte, next index]. */
export function escapeAt(s: string, i: number): [number, number] {
  const c = s[i];
  if (c === undefined) return [92, i];
  if (c >= "0" && c <= "7") {
    let j = i;
    let v = 0;
    while (j < s.length && j < i + 3 && s[j] >= "0" && s[j] <= "7") v = v * 8 + (s.charCodeAt(j++) - 48);
    return [v & 255, j];
  }
  if (c === "x") {
    let j = i + 1;
    let v = 0;
    while (j < s.length && j < i + 3 && /[0-9a-fA-F]/.test(s[j])) v = v * 16 + parseInt(s[j++], 16);
    if (j === i + 1) return [92, i];
    return [v, j];
  }
  if (SIMPLE[c] !== undefined) return [SIMPLE[c], i + 1];
  return [92, i];
}

/** Output assembled from text (UTF-8) and raw bytes. */
export class ByteOut {
  private parts: number[] = [];
  text(s: string): void {
    for (const b of utf8(s)) this.parts.push(b);
  }
  byte(b: number): void {
    this.parts.push(b & 255);
  }
  bytes(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

/** Append `s` with its escapes processed; returns true when \c cut it short. */
export function unescapeInto(out: ByteOut, s: string, zeroPrefix: boolean): boolean {
  let lit = "";
  for (let i = 0; i < s.length; ) {
    if (s[i] !== "\\") {
      lit += s[i++];
      continue;
    }
    i++;
    if (s[i] === "c") {
      out.text(lit);
      return true;
    }
    if (zeroPrefix && s[i] === "0" && s[i + 1] >= "0" && s[i + 1] <= "7") i++;
    const [code, next] = escapeAt(s, i);
    out.text(lit);
    lit = "";
    out.byte(code);
    i = next;
  }
  out.text(lit);
  return false;
}
