/** Numbers as libbb's xatou*_sfx parse them: decimal with an optional multiplier suffix. */
import { Die } from "./applet";

export const BKM: Record<string, number> = { b: 512, k: 1024, m: 1024 * 1024 };
export const KMG: Record<string, number> = { k: 1024, K: 1024, m: 1048576, M: 1048576, g: 1073741824, G: 1073741824 };

/** Parse "12", "3k", "2m"... or die with "invalid number 'x'". */
export function parseSuffixed(s: string, suffixes: Record<string, number> = BKM, max = 0xffffffff): number {
  const m = /^\s*(\d+)(\D*)$/.exec(s);
  if (!m) throw new Die(`invalid number '${s}'`);
  let v = parseInt(m[1], 10);
  if (m[2]) {
    const mult = suffixes[m[2]];
    if (mult === undefined) throw new Die(`invalid number '${s}'`);
    v *= mult;
  }
  if (v > max) throw new Die(`number ${s} is not in 0..${max} range`);
  return v;
}

/** A plain unsigned decimal (xatou): "invalid number 'x'" otherwise. */
export function parseUint(s: string, max = 0xffffffff): number {
  return parseSuffixed(s, {}, max);
}
