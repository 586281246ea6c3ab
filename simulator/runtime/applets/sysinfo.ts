/** uname, nproc, uptime and free: the host model (lib/sys-host.ts) as containers see it. */
import { ShowUsage, defineSysApplet } from "./lib/sys-applet";
import { getopt } from "./lib/sys-getopt";
import { HOST_CPUS, HOST_LOADAVG, HOST_UNAME, bootTime, memory } from "./lib/sys-host";

defineSysApplet({
  name: "uname",
  async run(ctx) {
    const letters = "snrvmpio";
    const longs = [
      ["all", "a"], ["kernel-name", "s"], ["nodename", "n"], ["kernel-release", "r"], ["release", "r"],
      ["kernel-version", "v"], ["machine", "m"], ["processor", "p"], ["hardware-platform", "i"], ["operating-system", "o"],
    ].map(([name, key]) => ({ name, key }));
    const o = getopt(ctx.argv.slice(1), letters + "a", longs);
    if (o.operands.length > 0) throw new ShowUsage();
    const all = o.has("a");
    const unknown = all ? "" : "unknown";
    const u = HOST_UNAME;
    const fields = [u.sysname, ctx.proc.ns.uts.hostname, u.release, u.version, u.machine, unknown, unknown, u.os];
    let want = [...letters].map((c) => all || o.has(c));
    if (!want.some(Boolean)) want = [true, false, false, false, false, false, false, false];
    await ctx.stdout.write(fields.filter((f, i) => want[i] && f !== "").join(" ") + "\n");
    return 0;
  },
});

defineSysApplet({
  name: "nproc",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "", [
      { name: "ignore", key: "ignore", arg: true },
      { name: "all", key: "all" },
    ]);
    const ignore = o.has("ignore") ? Number.parseInt(o.get("ignore")!, 10) || 0 : 0;
    let n = HOST_CPUS - ignore;
    if (n <= 0) n = 1;
    await ctx.stdout.write(n + "\n");
    return 0;
  },
});

const two = (n: number) => String(n).padStart(2, "0");
const hms = (d: Date) => `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;

defineSysApplet({
  name: "uptime",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "s");
    const now = ctx.now();
    const up = Math.floor((now - bootTime(ctx.kernel)) / 1000);
    if (o.has("s")) {
      const d = new Date(now - up * 1000);
      await ctx.stdout.write(`${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${hms(d)}\n`);
      return 0;
    }
    let s = ` ${hms(new Date(now))} up `;
    const days = Math.floor(up / 86400);
    if (days) s += `${days} day${days !== 1 ? "s" : ""}, `;
    const mins = Math.floor(up / 60);
    const hours = Math.floor(mins / 60) % 24;
    s += hours ? `${String(hours).padStart(2, " ")}:${two(mins % 60)}` : `${mins % 60} min`;
    const load = HOST_LOADAVG.map((l) => l.toFixed(2)).join(", ");
    await ctx.stdout.write(`${s},  0 users,  load average: ${load}\n`);
    return 0;
  },
});

/** make_human_readable_str(bytes, 1, unit): rounded units, or 1024-steps with a decimal (unit 0). */
export function humanBytes(val: number, unit: number): string {
  if (val === 0) return "0";
  if (unit) return String(Math.floor((val + Math.floor(unit / 2)) / unit));
  const units = ["", "K", "M", "G", "T", "P", "E"];
  let u = 0;
  let frac = 0;
  while (val >= 1024) {
    frac = Math.floor(((val % 1024) * 10 + 512) / 1024);
    val = Math.floor(val / 1024);
    u++;
  }
  if (frac >= 10) {
    val++;
    frac = 0;
  }
  return u === 0 ? String(val) : `${val}.${frac}${units[u]}`;
}

defineSysApplet({
  name: "free",
  async run(ctx) {
    let unit = 1024;
    const a = ctx.argv[1];
    if (a !== undefined && a.startsWith("-")) {
      const c = a[1];
      if (c === "b") unit = 1;
      else if (c === "k") unit = 1024;
      else if (c === "m") unit = 1 << 20;
      else if (c === "g") unit = 1 << 30;
      else if (c === "h") unit = 0;
      else throw new ShowUsage();
    }
    const m = memory(ctx.kernel);
    const k = (kb: number) => kb * 1024;
    const cached = k(m.cached) + k(m.buffers) + k(m.reclaimable);
    const col = (...vs: number[]) => vs.map((v) => humanBytes(v, unit).padStart(12)).join("");
    const out =
      "       " + ["total", "used", "free", "shared", "buff/cache", "available"].map((h) => h.padStart(12)).join("") + "\n" +
      "Mem:   " + col(k(m.total), k(m.total) - cached - k(m.free), k(m.free), k(m.shared), cached, k(m.available)) + "\n" +
      "Swap:  " + col(k(m.swapTotal), k(m.swapTotal - m.swapFree), k(m.swapFree)) + "\n";
    await ctx.stdout.write(out);
    return 0;
  },
});
