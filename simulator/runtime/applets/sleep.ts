/** sleep: seconds with fractions and s/m/h/d suffixes, summed over every argument (simulated time). */
import { ShowUsage, defineSysApplet } from "./lib/sys-applet";
import { xatoul } from "./lib/sys-num";

const SUFFIXES = { s: 1, m: 60, h: 3600, d: 86400 };

/** BusyBox's parse_duration_str, in seconds. */
export function parseDuration(s: string): number {
  if (!s.includes(".")) return xatoul(s, { suffixes: SUFFIXES });
  const len = /^[0-9.]*/.exec(s)![0].length;
  const num = s.slice(0, len);
  if (!/^(\d+\.?\d*|\.\d+)$/.test(num)) throw new ShowUsage();
  return Number(num) * xatoul("1" + s.slice(len), { suffixes: SUFFIXES });
}

defineSysApplet({
  name: "sleep",
  async run(ctx) {
    const args = ctx.argv.slice(1);
    if (args.length === 0) throw new ShowUsage();
    if (args[0].slice(0, 3).toLowerCase() === "inf") {
      for (;;) await ctx.sleep(2_147_483_647_000);
    }
    let total = 0;
    for (const a of args) total += parseDuration(a);
    await ctx.sleep(Math.round(total * 1000));
    return 0;
  },
});
