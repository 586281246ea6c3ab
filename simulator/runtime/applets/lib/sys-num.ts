/** BusyBox's number parsing (xatoul and friends) with its exact error texts. */
import { Fatal } from "./sys-applet";

export type Suffixes = Record<string, number>;

/** xstrtoul_range_sfx: decimal digits, an optional suffix from the table, within [lower, upper]. */
export function xatoul(s: string, opts: { suffixes?: Suffixes; lower?: number; upper?: number; upperText?: string } = {}): number {
  const lower = opts.lower ?? 0;
  const upper = opts.upper ?? Number.MAX_SAFE_INTEGER;
  const upperText = opts.upperText ?? (opts.upper === undefined ? "18446744073709551615" : String(upper));
  const m = /^(\d+)(.*)$/s.exec(s);
  if (!m) throw new Fatal(`invalid number '${s}'`);
  let r = Number(m[1]);
  if (m[2] !== "") {
    const mult = opts.suffixes?.[m[2]];
    if (mult === undefined) throw new Fatal(`invalid number '${s}'`);
    r *= mult;
  }
  if (r < lower || r > upper) throw new Fatal(`number ${s} is not in ${lower}..${upperText} range`);
  return r;
}
