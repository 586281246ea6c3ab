/** strptime(3) for the directives BusyBox's date formats use; fields it does not set stay as given. */
import { MONTHS, type Tm } from "./sys-strftime";

/** Parse `s` with `fmt` into a copy of `base`; null unless the whole string matches. */
export function strptime(s: string, format: string, base: Tm): Tm | null {
  const fmt = format.replace(/%R/g, "%H:%M").replace(/%T/g, "%H:%M:%S").replace(/%D/g, "%m/%d/%y").replace(/%F/g, "%Y-%m-%d");
  const t = { ...base };
  let i = 0;
  const int = (max: number, lo: number, hi: number): number | null => {
    while (s[i] === " ") i++;
    const m = new RegExp(`^[+-]?\\d{1,${max}}`).exec(s.slice(i));
    if (!m) return null;
    const v = Number(m[0]);
    if (v < lo || v > hi) return null;
    i += m[0].length;
    return v;
  };
  for (let f = 0; f < fmt.length; f++) {
    const c = fmt[f];
    if (c === " ") {
      while (s[i] === " " || s[i] === "\t" || s[i] === "\n") i++;
      continue;
    }
    if (c !== "%") {
      if (s[i] !== c) return null;
      i++;
      continue;
    }
    const d = fmt[++f];
    let v: number | null;
    switch (d) {
      case "Y": v = int(4, -9999, 9999); if (v === null) return null; t.year = v; break;
      case "y": v = int(2, 0, 99); if (v === null) return null; t.year = v < 69 ? 2000 + v : 1900 + v; break;
      case "m": v = int(2, 1, 12); if (v === null) return null; t.mon = v - 1; break;
      case "d": case "e": v = int(2, 1, 31); if (v === null) return null; t.mday = v; break;
      case "H": case "k": v = int(2, 0, 23); if (v === null) return null; t.hour = v; break;
      case "M": v = int(2, 0, 59); if (v === null) return null; t.min = v; break;
      case "S": v = int(2, 0, 61); if (v === null) return null; t.sec = v; break;
      case "b": case "B": case "h": {
        const rest = s.slice(i).toLowerCase();
        const k = MONTHS.findIndex((n) => rest.startsWith(n.toLowerCase()) || rest.startsWith(n.slice(0, 3).toLowerCase()));
        if (k < 0) return null;
        i += rest.startsWith(MONTHS[k].toLowerCase()) ? MONTHS[k].length : 3;
        t.mon = k;
        break;
      }
      case "%": if (s[i] !== "%") return null; i++; break;
      default: return null;
    }
  }
  return i === s.length ? t : null;
}
