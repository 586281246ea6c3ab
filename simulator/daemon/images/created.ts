/**
 * Creation times for images the daemon makes (commit, import): RFC 3339 with nanoseconds, and
 * strictly increasing, as the engine's clock is, so two commits of the same container in the
 * same simulated instant are still two images (their configs, and so their IDs, differ).
 */
import type { Daemon } from "../daemon";

const last = new WeakMap<Daemon, { ms: number; ns: number }>();

export function createdStamp(d: Daemon): string {
  const now = Math.floor(d.now());
  const prev = last.get(d);
  let t = { ms: now, ns: 0 };
  if (prev && now <= prev.ms) t = prev.ns >= 999_999 ? { ms: prev.ms + 1, ns: 0 } : { ms: prev.ms, ns: prev.ns + 1 };
  last.set(d, t);
  const iso = new Date(t.ms).toISOString();
  const frac = (String(t.ms % 1000).padStart(3, "0") + String(t.ns).padStart(6, "0")).replace(/0+$/, "");
  return iso.slice(0, 19) + (frac ? "." + frac : "") + "Z";
}

/** The last stamp handed out, for the saved host (null before the first). */
export function createdClock(d: Daemon): { ms: number; ns: number } | null {
  const t = last.get(d);
  return t ? { ...t } : null;
}

export function setCreatedClock(d: Daemon, t: { ms: number; ns: number } | null): void {
  if (t) last.set(d, { ms: t.ms, ns: t.ns });
  else last.delete(d);
}
