/**
 * The filters prune takes (moby's filters.Args as the prune endpoints read them): "label",
 * "label!", "until" and, for images, "dangling". Keys and values are checked with the daemon's
 * error texts.
 */
import { invalidParameter } from "../errdefs";

export type Filters = Map<string, string[]>;

/** "key=value" strings (as the CLI's --filter collects them) by key, checked against `accepted`. */
export function parseFilters(list: readonly string[], accepted: readonly string[]): Filters {
  const out: Filters = new Map();
  for (const f of list) {
    const i = f.indexOf("=");
    const k = i < 0 ? f : f.slice(0, i);
    out.set(k, [...(out.get(k) ?? []), i < 0 ? "" : f.slice(i + 1)]);
  }
  for (const k of out.keys()) if (!accepted.includes(k)) throw invalidParameter(`Invalid filter '${k}'`);
  return out;
}

/** filters.MatchKVList: every "k" or "k=v" given must be among the labels. */
function matchKV(values: readonly string[], labels: Record<string, string>): boolean {
  return values.every((v) => {
    const i = v.indexOf("=");
    const k = i < 0 ? v : v.slice(0, i);
    return k in labels && (i < 0 || labels[k] === v.slice(i + 1));
  });
}

/** moby's matchLabels: all "label" filters match and not all "label!" ones do. */
export function matchLabels(f: Filters, labels: Record<string, string> | null): boolean {
  const l = labels ?? {};
  if (!matchKV(f.get("label") ?? [], l)) return false;
  const not = f.get("label!");
  return !(not && not.length > 0 && matchKV(not, l));
}

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** The "until" filter as a time in ms (a Go duration before now, an RFC 3339 time or Unix seconds), or null. */
export function untilOf(f: Filters, now: number): number | null {
  const values = f.get("until") ?? [];
  if (values.length === 0) return null;
  if (values.length > 1) throw invalidParameter("more than one until filter specified");
  const v = values[0];
  const dur = /^(?:\d+(?:\.\d*)?(?:ns|us|µs|ms|s|m|h))+$/.test(v) ? [...v.matchAll(/(\d+(?:\.\d*)?)(ns|us|µs|ms|s|m|h)/g)].reduce((a, m) => a + Number(m[1]) * UNITS[m[2]], 0) : null;
  if (dur !== null) return now - dur;
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? v + "T00:00:00Z" : v);
  if (!Number.isNaN(t)) return t;
  throw invalidParameter(`failed to parse value as time or duration: "${v}"`);
}

/** The "dangling" filter (default true): filters.GetBoolOrDefault. */
export function danglingOf(f: Filters): boolean {
  const values = f.get("dangling") ?? [];
  if (values.length === 0) return true;
  const lower = values.map((v) => v.toLowerCase());
  const isFalse = lower.includes("0") || lower.includes("false");
  const isTrue = lower.includes("1") || lower.includes("true");
  if (isFalse === isTrue) throw invalidParameter(`Invalid filter 'dangling=[${values.join(" ")}]'`);
  return isTrue;
}
