/**
 * Dates as BusyBox prints and parses them. The simulated machine runs in UTC (TZ unset or UTC),
 * so local time is UTC time.
 */
import { Die } from "./applet";

export const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
export const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

const p2 = (n: number) => String(n).padStart(2, "0");
const sp2 = (n: number) => String(n).padStart(2, " ");

/** Seconds since the epoch (floor), from ms. */
export function secs(ms: number): number {
  return Math.floor(ms / 1000);
}

/** ctime(3) without the newline: "Wed Jun 30 21:49:08 1993". */
export function ctimeStr(ms: number): string {
  const d = new Date(secs(ms) * 1000);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${sp2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** ls -l's 12-character date: "Jun 30 21:49" within six months of now, else "Jun 30  1993". */
export function lsDate(ms: number, now: number): string {
  const c = ctimeStr(ms);
  const age = secs(now) - secs(ms);
  if (age < (3600 * 24 * 365) / 2 && age > -15 * 60) return c.slice(4, 16);
  return c.slice(4, 11) + c.slice(20).padStart(5, " ");
}

/** A small strftime for UTC: %Y %m %d %e %H %M %S %b %a %A %B %j %y %z %Z %s %T %D %R %F %n %t %%. */
export function strftime(fmt: string, ms: number): string {
  const d = new Date(secs(ms) * 1000);
  const full = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  const fullM = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  const yday = Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1;
  return fmt.replace(/%(.)/g, (_m, c: string) => {
    switch (c) {
      case "Y": return String(d.getUTCFullYear());
      case "y": return p2(d.getUTCFullYear() % 100);
      case "m": return p2(d.getUTCMonth() + 1);
      case "d": return p2(d.getUTCDate());
      case "e": return sp2(d.getUTCDate());
      case "H": return p2(d.getUTCHours());
      case "I": return p2(((d.getUTCHours() + 11) % 12) + 1);
      case "p": return d.getUTCHours() < 12 ? "AM" : "PM";
      case "M": return p2(d.getUTCMinutes());
      case "S": return p2(d.getUTCSeconds());
      case "b": case "h": return MONTHS[d.getUTCMonth()];
      case "B": return fullM[d.getUTCMonth()];
      case "a": return DAYS[d.getUTCDay()];
      case "A": return full[d.getUTCDay()];
      case "j": return String(yday).padStart(3, "0");
      case "z": return "+0000";
      case "Z": return "UTC";
      case "s": return String(secs(ms));
      case "T": return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
      case "R": return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
      case "D": return `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${p2(d.getUTCFullYear() % 100)}`;
      case "F": return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
      case "c": return ctimeStr(ms);
      case "u": return String(d.getUTCDay() || 7);
      case "w": return String(d.getUTCDay());
      case "n": return "\n";
      case "t": return "\t";
      case "%": return "%";
      default: return "%" + c;
    }
  });
}

interface Tm {
  year: number;
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
}

function tmOf(ms: number): Tm {
  const d = new Date(secs(ms) * 1000);
  return { year: d.getUTCFullYear(), mon: d.getUTCMonth(), mday: d.getUTCDate(), hour: d.getUTCHours(), min: d.getUTCMinutes(), sec: d.getUTCSeconds() };
}

function mk(tm: Tm): number {
  return Date.UTC(tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec);
}

const N = "(\\d{1,2})";
const Y = "(\\d{1,4})";
/** The strptime formats BusyBox tries in order (parse_datestr, ENABLE_DESKTOP). */
const FORMATS: Array<[RegExp, (m: RegExpMatchArray, tm: Tm) => number | void]> = [
  [new RegExp(`^\\s*${N}:${N}$`), (m, t) => void ((t.hour = +m[1]), (t.min = +m[2]))],
  [new RegExp(`^\\s*${N}:${N}:${N}$`), (m, t) => void ((t.hour = +m[1]), (t.min = +m[2]), (t.sec = +m[3]))],
  [new RegExp(`^\\s*${N}\\.${N}-${N}:${N}$`), (m, t) => void ((t.mon = +m[1] - 1), (t.mday = +m[2]), (t.hour = +m[3]), (t.min = +m[4]))],
  [new RegExp(`^\\s*${N}\\.${N}-${N}:${N}:${N}$`), (m, t) => void ((t.mon = +m[1] - 1), (t.mday = +m[2]), (t.hour = +m[3]), (t.min = +m[4]), (t.sec = +m[5]))],
  [new RegExp(`^\\s*${Y}\\.${N}\\.${N}-${N}:${N}$`), (m, t) => void ((t.year = +m[1]), (t.mon = +m[2] - 1), (t.mday = +m[3]), (t.hour = +m[4]), (t.min = +m[5]))],
  [new RegExp(`^\\s*${Y}\\.${N}\\.${N}-${N}:${N}:${N}$`), (m, t) => void ((t.year = +m[1]), (t.mon = +m[2] - 1), (t.mday = +m[3]), (t.hour = +m[4]), (t.min = +m[5]), (t.sec = +m[6]))],
  [
    new RegExp(`^\\s*([A-Za-z]{3,9})\\s+${N}\\s+${N}:${N}:${N}\\s+${Y}$`),
    (m, t) => {
      const i = MONTHS.findIndex((x) => m[1].toLowerCase().startsWith(x.toLowerCase()));
      if (i < 0) return -1;
      t.mon = i;
      t.mday = +m[2];
      t.hour = +m[3];
      t.min = +m[4];
      t.sec = +m[5];
      t.year = +m[6];
    },
  ],
  [new RegExp(`^\\s*${Y}-${N}-${N}\\s+${N}:${N}$`), (m, t) => void ((t.year = +m[1]), (t.mon = +m[2] - 1), (t.mday = +m[3]), (t.hour = +m[4]), (t.min = +m[5]))],
  [new RegExp(`^\\s*${Y}-${N}-${N}\\s+${N}:${N}:${N}$`), (m, t) => void ((t.year = +m[1]), (t.mon = +m[2] - 1), (t.mday = +m[3]), (t.hour = +m[4]), (t.min = +m[5]), (t.sec = +m[6]))],
  [
    new RegExp(`^\\s*${Y}-${N}-${N}\\s+${N}:${N}(?::${N})?\\s*([+-])(\\d\\d):?(\\d\\d)$`),
    (m, t) => {
      const off = (m[7] === "-" ? -1 : 1) * (+m[8] * 60 + +m[9]);
      return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : t.sec) - off * 60000;
    },
  ],
  [new RegExp(`^\\s*${Y}-${N}-${N}\\s+${N}$`), (m, t) => void ((t.year = +m[1]), (t.mon = +m[2] - 1), (t.mday = +m[3]), (t.hour = +m[4]))],
  [new RegExp(`^\\s*${Y}-${N}-${N}$`), (m, t) => void ((t.year = +m[1]), (t.mon = +m[2] - 1), (t.mday = +m[3]))],
];

function validTm(t: Tm): boolean {
  return t.mon >= 0 && t.mon <= 11 && t.mday >= 1 && t.mday <= 31 && t.hour <= 23 && t.min <= 59 && t.sec <= 60;
}

/**
 * Parse a date the way touch -d/-t and date -d do (parse_datestr): fields not given keep the
 * current time's values. Throws Die("invalid date '...'") when nothing matches.
 */
export function parseDate(s: string, now: number): number {
  const bad = () => new Die(`invalid date '${s}'`);
  for (const [re, set] of FORMATS) {
    const m = s.match(re);
    if (!m) continue;
    const t = tmOf(now);
    const r = set(m, t);
    if (r === -1) continue;
    if (typeof r === "number") return r;
    if (!validTm(t)) throw bad();
    return mk(t);
  }
  if (s.startsWith("@")) {
    const v = s.slice(1);
    if (!/^\s*[+-]?\d+$/.test(v)) throw bad();
    return parseInt(v, 10) * 1000;
  }
  const dot = s.indexOf(".");
  const main = dot < 0 ? s : s.slice(0, dot);
  const t = tmOf(now);
  if (!/^\d+$/.test(main)) throw bad();
  const d = (i: number) => +main.slice(i, i + 2);
  switch (main.length) {
    case 2: t.min = d(0); break;
    case 4: t.hour = d(0); t.min = d(2); break;
    case 6: t.mday = d(0); t.hour = d(2); t.min = d(4); break;
    case 8: t.mon = d(0) - 1; t.mday = d(2); t.hour = d(4); t.min = d(6); break;
    case 10: {
      let y = d(0);
      const cur = t.year - 1900;
      y += Math.floor(cur / 100) * 100;
      if (y < cur - 50) y += 100;
      if (y > cur + 50) y -= 100;
      t.year = y + 1900;
      t.mon = d(2) - 1; t.mday = d(4); t.hour = d(6); t.min = d(8);
      break;
    }
    case 12: t.year = +main.slice(0, 4); t.mon = d(4) - 1; t.mday = d(6); t.hour = d(8); t.min = d(10); break;
    default: throw bad();
  }
  t.sec = 0;
  if (dot >= 0) {
    const ss = s.slice(dot + 1);
    if (!/^\d+$/.test(ss)) throw bad();
    t.sec = +ss;
  }
  if (!validTm(t)) throw bad();
  return mk(t);
}
