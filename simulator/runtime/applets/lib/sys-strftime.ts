/** strftime(3) in the C locale for UTC times, with glibc's flags (- _ 0 ^ #) and field widths. */
export const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Broken-down UTC time, like struct tm (year is the full year, mon 0-11). */
export interface Tm {
  year: number;
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
}

export function tmOf(ms: number): Tm {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), mon: d.getUTCMonth(), mday: d.getUTCDate(), hour: d.getUTCHours(), min: d.getUTCMinutes(), sec: d.getUTCSeconds() };
}

/** timegm with mktime's normalisation of out-of-range fields; seconds since the epoch. */
export function timegm(t: Tm): number {
  const d = new Date(0);
  d.setUTCFullYear(t.year, t.mon, t.mday);
  d.setUTCHours(t.hour, t.min, t.sec, 0);
  return Math.floor(d.getTime() / 1000);
}

function isoWeek(ms: number): { year: number; week: number } {
  const d = new Date(ms);
  const day = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day + 3));
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / 86400000 / 7 - ((firstThursday.getUTCDay() + 6) % 7 - 3) / 7);
  return { year, week };
}

export function strftime(fmt: string, ms: number): string {
  const d = new Date(ms);
  const t = tmOf(ms);
  const wday = d.getUTCDay();
  const yday = Math.floor((Date.UTC(t.year, t.mon, t.mday) - Date.UTC(t.year, 0, 1)) / 86400000);
  let out = "";
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== "%") {
      out += c;
      continue;
    }
    const m = /^([-_0^#]*)(\d*)([a-zA-Z%+])/.exec(fmt.slice(i + 1));
    if (!m) {
      out += c;
      continue;
    }
    const [all, flags, widthText, conv] = m;
    const num = (v: number, w: number, pad = "0") => {
      let p = flags.includes("-") ? "" : flags.includes("_") ? " " : flags.includes("0") ? "0" : pad;
      const width = widthText ? Number(widthText) : w;
      if (p === "") return String(v);
      const s = String(Math.abs(v));
      return (v < 0 ? "-" : "") + s.padStart(width - (v < 0 ? 1 : 0), p);
    };
    const str = (s: string) => {
      if (flags.includes("^")) s = s.toUpperCase();
      return widthText ? s.padStart(Number(widthText), flags.includes("0") ? "0" : " ") : s;
    };
    const h12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
    let r: string;
    switch (conv) {
      case "a": r = str(DAYS[wday].slice(0, 3)); break;
      case "A": r = str(DAYS[wday]); break;
      case "b": case "h": r = str(MONTHS[t.mon].slice(0, 3)); break;
      case "B": r = str(MONTHS[t.mon]); break;
      case "c": r = strftime("%a %b %e %H:%M:%S %Y", ms); break;
      case "C": r = num(Math.floor(t.year / 100), 2); break;
      case "d": r = num(t.mday, 2); break;
      case "D": r = strftime("%m/%d/%y", ms); break;
      case "e": r = num(t.mday, 2, " "); break;
      case "F": r = strftime("%Y-%m-%d", ms); break;
      case "g": r = num(isoWeek(ms).year % 100, 2); break;
      case "G": r = num(isoWeek(ms).year, 4); break;
      case "H": r = num(t.hour, 2); break;
      case "I": r = num(h12, 2); break;
      case "j": r = num(yday + 1, 3); break;
      case "k": r = num(t.hour, 2, " "); break;
      case "l": r = num(h12, 2, " "); break;
      case "m": r = num(t.mon + 1, 2); break;
      case "M": r = num(t.min, 2); break;
      case "n": r = "\n"; break;
      case "p": r = str(t.hour < 12 ? "AM" : "PM"); break;
      case "P": r = str(t.hour < 12 ? "am" : "pm"); break;
      case "r": r = strftime("%I:%M:%S %p", ms); break;
      case "R": r = strftime("%H:%M", ms); break;
      case "s": r = String(Math.floor(ms / 1000)); break;
      case "S": r = num(t.sec, 2); break;
      case "t": r = "\t"; break;
      case "T": r = strftime("%H:%M:%S", ms); break;
      case "u": r = String(wday === 0 ? 7 : wday); break;
      case "U": r = num(Math.floor((yday + 7 - wday) / 7), 2); break;
      case "V": r = num(isoWeek(ms).week, 2); break;
      case "w": r = String(wday); break;
      case "W": r = num(Math.floor((yday + 7 - ((wday + 6) % 7)) / 7), 2); break;
      case "x": r = strftime("%m/%d/%y", ms); break;
      case "X": r = strftime("%H:%M:%S", ms); break;
      case "y": r = num(t.year % 100, 2); break;
      case "Y": r = num(t.year, 1); break;
      case "z": r = "+0000"; break;
      case "Z": r = str("UTC"); break;
      case "%": r = "%"; break;
      default: r = "%" + all; break;
    }
    out += r;
    i += all.length;
  }
  return out;
}
