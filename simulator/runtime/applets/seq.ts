/** seq: numbers from FIRST to LAST by INC, printed with the precision and width BusyBox derives. */
import { ShowUsage, defineSysApplet } from "./lib/sys-applet";
import { getopt } from "./lib/sys-getopt";

/** strtod's whole-string parse (decimal, exponent, hex, inf/nan), or null. */
function strtod(s: string): number | null {
  const t = s.replace(/^[ \t\n\v\f\r]+/, "");
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(t)) return (t.startsWith("-") ? -1 : 1) * Number.parseInt(t.replace(/^[+-]?0[xX]/, ""), 16);
  if (/^[+-]?(inf|infinity)$/i.test(t)) return t.startsWith("-") ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(t)) return Number.NaN;
  return null;
}

/** printf("%0*.*f", width, prec, v). */
function fmt(v: number, width: number, prec: number): string {
  let s = Math.abs(v).toFixed(prec);
  const neg = v < 0 || Object.is(v, -0);
  const pad = width - s.length - (neg ? 1 : 0);
  if (pad > 0) s = "0".repeat(pad) + s;
  return (neg ? "-" : "") + s;
}

defineSysApplet({
  name: "seq",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "+ws:");
    const args = o.operands;
    if (args.length < 1 || args.length > 3) throw new ShowUsage();
    const nums = args.map(strtod);
    if (nums.some((n) => n === null)) throw new ShowUsage();
    const [first, inc, last] = args.length === 1 ? [1, 1, nums[0]!] : args.length === 2 ? [nums[0]!, 1, nums[1]!] : [nums[0]!, nums[1]!, nums[2]!];
    // width from every argument's integer part, precision from all but the last
    let width = 0;
    let frac = 0;
    args.forEach((a, i) => {
      const dot = a.indexOf(".");
      width = Math.max(width, dot < 0 ? a.length : dot);
      if (i < args.length - 1) frac = Math.max(frac, dot < 0 ? 0 : a.length - dot);
    });
    if (frac) {
      frac--;
      if (frac) width += frac + 1;
    }
    if (!o.has("w")) width = 0;
    const sep = o.get("s") ?? "\n";
    let out = "";
    let n = 0;
    for (let v = first; inc >= 0 ? v <= last : v >= last; v = first + n * inc) {
      if (n++ !== 0) out += sep;
      out += fmt(v, width, frac);
      if (out.length >= 8192) {
        await ctx.stdout.write(out);
        out = "";
      }
      await ctx.tick();
    }
    if (n) out += "\n";
    if (out) await ctx.stdout.write(out);
    return 0;
  },
});
