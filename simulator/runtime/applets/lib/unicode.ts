/** Whether BusyBox treats text as UTF-8: LC_ALL, else LC_CTYPE, else LANG names a UTF-8 locale. */
import type { ProcessContext } from "../../program";

export function unicodeOn(ctx: ProcessContext): boolean {
  const e = ctx.env;
  const s = e.LC_ALL ?? e.LC_CTYPE ?? e.LANG ?? "";
  return /utf-?8/i.test(s);
}

/** A name as BusyBox prints it: control characters, and without UTF-8 every non-ASCII byte, as "?". */
export function printableName(s: string, unicode: boolean): string {
  if (unicode) return s.replace(/[\x00-\x1f\x7f]/g, "?");
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || c === 0x7f) out += "?";
    else if (c < 0x80) out += ch;
    else out += "?".repeat(new TextEncoder().encode(ch).length);
  }
  return out;
}
