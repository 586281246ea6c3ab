/** Option scanning and number parsing shared by the builtins (ash's nextopt and number). */
import type { Shell } from "../shell";

/**
 * Scan leading options of argv (after the name) against `letters`; "--" ends them. An unknown
 * letter raises "illegal option -x". Returns the options seen, in order, and the operands.
 */
export async function nextopt(sh: Shell, argv: string[], letters: string): Promise<{ opts: string[]; args: string[] }> {
  const opts: string[] = [];
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      i++;
      break;
    }
    if (a[0] !== "-" || a.length === 1) break;
    for (const c of a.slice(1)) {
      if (!letters.includes(c)) await sh.raise(`illegal option -${c}`);
      opts.push(c);
    }
  }
  return { opts, args: argv.slice(i) };
}

/** ash's number(): digits only, else "Illegal number: s" (status 2); converted like C's atoi. */
export async function number(sh: Shell, s: string): Promise<number> {
  if (!/^\d+$/.test(s)) return sh.raise(`Illegal number: ${s}`);
  let v = BigInt(s);
  if (v > 0x7fffffffffffffffn) v = 0x7fffffffffffffffn;
  return Number(BigInt.asIntN(32, v));
}
