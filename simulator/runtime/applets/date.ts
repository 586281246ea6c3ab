/**
 * date: print (default format, +FORMAT, -R, -I) or set the time, in UTC from the simulated clock.
 * Setting needs CAP_SYS_TIME; when allowed it moves the clock date reports for every process
 * of the machine (file times keep the simulation's own clock).
 */
import type { Kernel } from "../kernel";
import { Fatal, ShowUsage, defineSysApplet, errText, warn } from "./lib/sys-applet";
import { getopt } from "./lib/sys-getopt";
import { type Tm, strftime, timegm, tmOf } from "./lib/sys-strftime";
import { strptime } from "./lib/sys-strptime";

const offsets = new WeakMap<Kernel, number>();
/** The machine's wall clock (ms): the simulation's time plus what `date -s` changed. */
export function wallClock(kernel: Kernel): number {
  return kernel.now() + (offsets.get(kernel) ?? 0);
}

const FORMATS = ["%R", "%T", "%m.%d-%R", "%m.%d-%T", "%Y.%m.%d-%R", "%Y.%m.%d-%T", "%b %d %T %Y", "%Y-%m-%d %R", "%Y-%m-%d %T", "%Y-%m-%d %H", "%Y-%m-%d"];

/** BusyBox's parse_datestr; `now` has its time of day already zeroed. Returns seconds since the epoch. */
export function parseDate(s: string, now: Tm): number {
  for (const f of FORMATS) {
    const t = strptime(s, f, now);
    if (t) return timegm(t);
  }
  const bad = () => new Fatal(`invalid date '${s}'`);
  if (s.startsWith("@")) {
    if (!/^@\s*[+-]?\d+$/.test(s)) throw bad();
    return Number(s.slice(1).trim());
  }
  const dot = s.indexOf(".");
  const digits = dot < 0 ? s : s.slice(0, dot);
  const secs = dot < 0 ? null : s.slice(dot + 1);
  if (!/^\d+$/.test(digits) || (secs !== null && !/^\d{1,2}$/.test(secs))) throw bad();
  const t = { ...now, sec: 0 };
  const two = (k: number) => Number(digits.slice(k, k + 2));
  switch (digits.length) {
    case 2: t.min = two(0); break;
    case 4: t.hour = two(0); t.min = two(2); break;
    case 6: t.mday = two(0); t.hour = two(2); t.min = two(4); break;
    case 8: t.mon = two(0) - 1; t.mday = two(2); t.hour = two(4); t.min = two(6); break;
    case 10: {
      let y = two(0) + Math.floor(now.year / 100) * 100;
      if (y < now.year - 50) y += 100;
      if (y > now.year + 50) y -= 100;
      t.year = y; t.mon = two(2) - 1; t.mday = two(4); t.hour = two(6); t.min = two(8);
      break;
    }
    case 12: t.year = Number(digits.slice(0, 4)); t.mon = two(4) - 1; t.mday = two(6); t.hour = two(8); t.min = two(10); break;
    default: throw bad();
  }
  if (secs !== null) t.sec = Number(secs);
  return timegm(t);
}

defineSysApplet({
  name: "date",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "Rs:ud:r:I::D:", [
      { name: "rfc-822", key: "R" }, { name: "rfc-2822", key: "R" }, { name: "set", key: "s", arg: true },
      { name: "utc", key: "u" }, { name: "universal", key: "u" }, { name: "date", key: "d", arg: true },
      { name: "reference", key: "r", arg: true }, { name: "iso-8601", key: "I" },
    ]);
    if ((o.has("d") && o.has("s")) || (o.has("R") && o.has("I"))) throw new ShowUsage();
    let iso = -1;
    if (o.has("I")) {
      const spec = o.get("I");
      iso = spec === undefined || spec === "" ? 0 : ["date", "hours", "minutes", "seconds", "ns"].findIndex((w) => w.startsWith(spec) && spec !== "");
      if (iso < 0) throw new ShowUsage();
    }
    const args = [...o.operands];
    let fmt: string | null = null;
    if (args[0]?.startsWith("+")) fmt = args.shift()!.slice(1);
    let set = o.has("s");
    let dateStr = o.get("s") ?? o.get("d");
    if (!o.has("s") && !o.has("d") && args.length) {
      set = true;
      dateStr = args.shift()!;
      const m = /^(\d*)(\.\d\d)?$/.exec(dateStr);
      if (m) {
        const extra = m[1].length - 8;
        if (extra < 0 || extra > 4 || extra % 2) throw new Fatal(`invalid date '${dateStr}'`);
        // MMDDhhmm[[CC]YY][.ss]: move the year to the front
        dateStr = m[1].slice(8) + m[1].slice(0, 8) + (m[2] ?? "");
      }
    }
    if (args.length) throw new ShowUsage();
    let secs: number;
    if (o.has("r")) {
      try {
        secs = Math.floor(ctx.fs.stat(o.get("r")!).mtime / 1000);
      } catch (e) {
        throw new Fatal(`can't stat '${o.get("r")}': ${errText(e)}`);
      }
    } else secs = Math.floor(wallClock(ctx.kernel) / 1000);
    if (dateStr !== undefined) {
      const midnight = { ...tmOf(secs * 1000), hour: 0, min: 0, sec: 0 };
      if (o.has("D")) {
        const t = strptime(dateStr, o.get("D")!, midnight);
        if (!t) throw new Fatal(`invalid date '${dateStr}'`);
        secs = timegm(t);
      } else secs = parseDate(dateStr, midnight);
      if (set) {
        if (!ctx.proc.cred.caps.has("SYS_TIME")) await warn(ctx, "can't set date: Operation not permitted");
        else offsets.set(ctx.kernel, secs * 1000 - ctx.kernel.now());
      }
    }
    if (fmt === null) {
      if (iso >= 0) fmt = ["%Y-%m-%d", "%Y-%m-%dT%H+00:00", "%Y-%m-%dT%H:%M+00:00", "%Y-%m-%dT%H:%M:%S+00:00", "%Y-%m-%dT%H:%M:%S,000000000+00:00"][iso];
      else if (o.has("R")) fmt = "%a, %d %b %Y %H:%M:%S %z";
      else fmt = "%a %b %e %H:%M:%S %Z %Y";
    }
    await ctx.stdout.write(strftime(fmt, secs * 1000) + "\n");
    return 0;
  },
});
