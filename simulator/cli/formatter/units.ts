/**
 * docker/go-units as the docker CLI uses it: sizes ("1.98MB", "1.5GiB"), size parsing for flags
 * such as `-m 512m`, the human durations of `docker ps` ("Up 2 minutes", "3 hours ago"), plus the
 * RFC 3339 timestamps `docker inspect` prints.
 */
import { formatFloat } from "../template/gofloat";

const decimalAbbrs = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
const binaryAbbrs = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"];

function sizeAndUnit(size: number, base: number, abbrs: string[]): [number, string] {
  let i = 0;
  while (size >= base && i < abbrs.length - 1) {
    size /= base;
    i++;
  }
  return [size, abbrs[i]];
}

/** units.HumanSizeWithPrecision: decimal units, `%.*g`. docker images / ps -s use precision 3. */
export function humanSizeWithPrecision(size: number, precision: number): string {
  const [n, unit] = sizeAndUnit(size, 1000, decimalAbbrs);
  return formatFloat(n, "g", precision) + unit;
}

/** units.HumanSize: four significant digits ("2.746MB"). */
export function humanSize(size: number): string {
  return humanSizeWithPrecision(size, 4);
}

/** units.BytesSize: binary units, `%.4g` ("1.5GiB", "44KiB"). */
export function bytesSize(size: number): string {
  const [n, unit] = sizeAndUnit(size, 1024, binaryAbbrs);
  return formatFloat(n, "g", 4) + unit;
}

/** The SIZE column of `docker ps -s`: "0B (virtual 1.98MB)". */
export function containerSizeText(sizeRw: number, sizeRootFs: number): string {
  const srw = humanSizeWithPrecision(sizeRw, 3);
  const sv = humanSizeWithPrecision(sizeRootFs, 3);
  return sizeRootFs > 0 ? `${srw} (virtual ${sv})` : srw;
}

/** Parse result: bytes, or the error text go-units produces. */
export type SizeResult = { ok: true; value: number } | { ok: false; error: string };

const KB = 1000;
const KiB = 1024;
const decimalMap: Record<string, number> = { k: KB, m: KB ** 2, g: KB ** 3, t: KB ** 4, p: KB ** 5 };
const binaryMap: Record<string, number> = { k: KiB, m: KiB ** 2, g: KiB ** 3, t: KiB ** 4, p: KiB ** 5 };

/** strconv.ParseFloat as far as size strings need it; null when Go would reject the text. */
function parseGoFloat(s: string): number | null {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) && !/^[+-]?(inf|infinity|nan)$/i.test(s))
    return null;
  const lower = s.toLowerCase().replace(/^\+/, "");
  if (lower === "inf" || lower === "infinity") return Infinity;
  if (lower === "-inf" || lower === "-infinity") return -Infinity;
  if (lower === "nan" || lower === "-nan") return NaN;
  return Number(s);
}

function parseSize(sizeStr: string, map: Record<string, number>): SizeResult {
  let sep = -1;
  for (let i = sizeStr.length - 1; i >= 0; i--) {
    if ("0123456789. ".includes(sizeStr[i])) {
      sep = i;
      break;
    }
  }
  if (sep === -1) return { ok: false, error: `invalid size: '${sizeStr}'` };
  let num: string;
  let sfx: string;
  if (sizeStr[sep] !== " ") {
    num = sizeStr.slice(0, sep + 1);
    sfx = sizeStr.slice(sep + 1);
  } else {
    num = sizeStr.slice(0, sep);
    sfx = sizeStr.slice(sep + 1);
  }
  let size = parseGoFloat(num);
  if (size === null) return { ok: false, error: `strconv.ParseFloat: parsing "${num}": invalid syntax` };
  if (size < 0) return { ok: false, error: `invalid size: '${sizeStr}'` };
  const bad = (): SizeResult => ({ ok: false, error: `invalid suffix: '${sfx}'` });
  if (sfx.length === 0) return { ok: true, value: Math.trunc(size) };
  if (sfx.length > 3) return bad();
  sfx = sfx.toLowerCase();
  if (sfx[0] === "b") return sfx.length > 1 ? bad() : { ok: true, value: Math.trunc(size) };
  const mul = map[sfx[0]];
  if (mul === undefined) return bad();
  size *= mul;
  if (sfx.length === 2 && sfx[1] !== "b") return bad();
  if (sfx.length === 3 && sfx.slice(1) !== "ib") return bad();
  return { ok: true, value: Math.trunc(size) };
}

/** units.RAMInBytes: "512m" -> 536870912 (binary multiples, optional b/ib suffix). */
export function ramInBytes(size: string): SizeResult {
  return parseSize(size, binaryMap);
}

/** units.FromHumanSize: "44kB" -> 44000 (decimal multiples). */
export function fromHumanSize(size: string): SizeResult {
  return parseSize(size, decimalMap);
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** units.HumanDuration for a duration in milliseconds ("Less than a second", "About an hour"). */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < 1) return "Less than a second";
  if (seconds === 1) return "1 second";
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes === 1) return "About a minute";
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.trunc(ms / HOUR + 0.5);
  if (hours === 1) return "About an hour";
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(ms / HOUR) / 24 / 365)} years`;
}

/** The CREATED column of docker ps / images: "3 minutes ago". */
export function humanAgo(createdMs: number, nowMs: number): string {
  return humanDuration(nowMs - createdMs) + " ago";
}

/**
 * time.RFC3339Nano as Go prints UTC times: "2024-01-01T00:00:00.123456789Z", trailing zeros of
 * the fraction trimmed and the fraction omitted when zero. `nanos` adds sub-millisecond precision
 * (0..999999) to the millisecond timestamp.
 */
export function rfc3339Nano(ms: number, nanos = 0): string {
  const msInt = Math.floor(ms);
  const date = new Date(msInt);
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  const base =
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}` +
    `T${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}`;
  const frac = (((msInt % 1000) + 1000) % 1000) * 1_000_000 + Math.trunc(nanos);
  if (frac === 0) return base + "Z";
  return base + "." + pad(frac, 9).replace(/0+$/, "") + "Z";
}

/** Go's time.Time String() for UTC: "2024-01-01 00:00:00.123456789 +0000 UTC". */
export function goTimeString(ms: number, nanos = 0): string {
  const s = rfc3339Nano(ms, nanos);
  return s.replace("T", " ").replace(/Z$/, "") + " +0000 UTC";
}

/** What the daemon's State.String() needs: times in ms since the epoch (0 = never). */
export interface ContainerStateTimes {
  running: boolean;
  paused?: boolean;
  restarting?: boolean;
  removalInProgress?: boolean;
  dead?: boolean;
  exitCode: number;
  startedAt: number;
  finishedAt: number;
  /** "starting" | "healthy" | "unhealthy" when the container has a health check. */
  health?: string;
}

/** The STATUS column of docker ps: "Up 2 minutes", "Exited (0) 10 minutes ago", "Created", ... */
export function containerStatus(s: ContainerStateTimes, nowMs: number): string {
  if (s.running) {
    const up = humanDuration(nowMs - s.startedAt);
    if (s.paused) return `Up ${up} (Paused)`;
    if (s.restarting) return `Restarting (${s.exitCode}) ${humanDuration(nowMs - s.finishedAt)} ago`;
    if (s.health) return `Up ${up} (${s.health === "starting" ? "health: starting" : s.health})`;
    return `Up ${up}`;
  }
  if (s.removalInProgress) return "Removal In Progress";
  if (s.dead) return "Dead";
  if (!s.startedAt) return "Created";
  if (!s.finishedAt) return "";
  return `Exited (${s.exitCode}) ${humanDuration(nowMs - s.finishedAt)} ago`;
}
