/** ps, top -b, kill and killall over the simulated process table. */
import type { Process } from "../process";
import type { ProcessContext } from "../program";
import { SIGNALS, SIGNAL_NAMES } from "../signals";
import { Fatal, ShowUsage, defineSysApplet, nameOf, warn } from "./lib/sys-applet";
import { getopt } from "./lib/sys-getopt";
import { HOST_LOADAVG, memory } from "./lib/sys-host";
import { type ProcView, byPid, cmdline, smartNum, visible } from "./lib/sys-procs";
import { groupName, userName } from "./lib/sys-users";

interface Column {
  name: string;
  header: string;
  width: number;
  value(v: ProcView, ctx: ProcessContext): string;
}

const COLUMNS: Column[] = [
  { name: "user", header: "USER", width: 8, value: (v, c) => userName(c.fs, v.p.cred.uid).slice(0, 8) },
  { name: "group", header: "GROUP", width: 8, value: (v, c) => groupName(c.fs, v.p.cred.gid).slice(0, 8) },
  { name: "comm", header: "COMMAND", width: 16, value: (v) => v.p.comm.slice(0, 16) },
  { name: "args", header: "COMMAND", width: 1 << 20, value: (v) => cmdline(v.p) },
  { name: "pid", header: "PID", width: 5, value: (v) => String(v.pid).padStart(5) },
  { name: "ppid", header: "PPID", width: 5, value: (v) => String(v.ppid).padStart(5) },
  { name: "pgid", header: "PGID", width: 5, value: (v) => String(v.pid).padStart(5) },
  { name: "nice", header: "NI", width: 5, value: () => "0".padStart(5) },
  { name: "rgroup", header: "RGROUP", width: 8, value: (v, c) => groupName(c.fs, v.p.cred.gid).slice(0, 8) },
  { name: "ruser", header: "RUSER", width: 8, value: (v, c) => userName(c.fs, v.p.cred.uid).slice(0, 8) },
  { name: "tty", header: "TT", width: 6, value: () => "?" },
  { name: "vsz", header: "VSZ", width: 4, value: (v) => smartNum(v.vszKb, 4).trimStart() },
  { name: "sid", header: "SID", width: 5, value: (v) => String(v.pid).padStart(5) },
  { name: "stat", header: "STAT", width: 4, value: (v) => v.state },
  { name: "rss", header: "RSS", width: 4, value: (v) => smartNum(v.rssKb, 4).trimStart() },
];

function findColumn(name: string): Column {
  // strncmp(name, column, 6): the first six characters decide
  const c = COLUMNS.find((x) => name.slice(0, 6) === x.name);
  if (c) return { ...c };
  throw new Fatal(`bad -o argument '${name}', supported arguments: ${COLUMNS.map((x) => x.name).join(",")}`);
}

/** ps -o: "a,b=HEADER,c" lists; a header ends its list and sets the width. */
function parseO(spec: string, out: Column[]): void {
  let opt = spec;
  for (;;) {
    const comma = opt.indexOf(",");
    const eq = opt.indexOf("=");
    if (comma >= 0 && (eq < 0 || eq > comma)) {
      out.push(findColumn(opt.slice(0, comma)));
      opt = opt.slice(comma + 1);
      continue;
    }
    if (eq < 0) {
      out.push(findColumn(opt));
      return;
    }
    const col = findColumn(opt.slice(0, eq));
    let header = opt.slice(eq + 1);
    const c2 = header.indexOf(",");
    const rest = c2 >= 0 ? header.slice(c2 + 1) : null;
    if (c2 >= 0) header = header.slice(0, c2);
    col.header = header;
    if (header) col.width = header.length;
    out.push(col);
    if (rest === null) return;
    opt = rest;
  }
}

defineSysApplet({
  name: "ps",
  async run(ctx) {
    // -a -A -d -e -f -l are accepted and ignored; operands ("ps aux") too
    const o = getopt(ctx.argv.slice(1), "Zo:aAdeflT");
    const cols: Column[] = [];
    for (const spec of o.all("o")) parseO(spec, cols);
    if (cols.length === 0) parseO("pid,user,args", cols);
    const lines: string[] = [];
    if (cols.some((c) => c.header !== "")) lines.push(cols.map((c, i) => (i === cols.length - 1 ? c.header : c.header.padEnd(c.width) + " ")).join(""));
    for (const v of visible(ctx)) {
      let line = "";
      cols.forEach((c, i) => {
        // string columns are cut to their width (safe_strncpy), numbers are not
        let s = c.value(v, ctx);
        if (["user", "group", "comm", "rgroup", "ruser", "tty", "stat"].includes(c.name)) s = s.slice(0, c.width);
        if (s === "") s = "-";
        if (i < cols.length - 1) s += " ".repeat(Math.max(1, c.width - s.length + 1));
        line += s;
      });
      lines.push(line);
    }
    await ctx.stdout.write(lines.map((l) => l + "\n").join(""));
    return 0;
  },
});

function signalByName(s: string): number {
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    return n >= 0 && n <= 64 ? n : -1;
  }
  const u = s.toUpperCase().replace(/^SIG/, "");
  if (u === "POLL" || u === "IO") return SIGNALS.IO;
  if (u === "IOT") return SIGNALS.ABRT;
  if (u === "CLD") return SIGNALS.CHLD;
  return SIGNALS[u] ?? -1;
}

function signalName(n: number): string {
  if (n === SIGNALS.IO) return "POLL";
  return SIGNAL_NAMES[n] ?? String(n);
}

/** kill(2) as ctx's process: ESRCH/EPERM texts, init's immunity inside its own namespace. */
function sendSignal(ctx: ProcessContext, target: Process | undefined, sig: number): string | null {
  if (!target || !target.alive) return "No such process";
  const me = ctx.proc.cred;
  if (me.uid !== 0 && !me.caps.has("KILL") && me.uid !== target.cred.uid) return "Operation not permitted";
  if (sig === 0) return null;
  const ownInit = target.nsPid === 1 && target.ns.pid === ctx.proc.ns.pid && ctx.proc.ns.pid.parent !== null;
  if (ownInit && target.disposition(sig) === "default") return null;
  ctx.kernel.signal(target, sig);
  return null;
}

async function killMain(ctx: ProcessContext): Promise<number> {
  const killall = nameOf(ctx) === "killall";
  const argv = ctx.argv.slice(1);
  let i = 0;
  let sig = SIGNALS.TERM;
  let quiet = false;
  let arg = argv[i];
  if (arg === undefined || arg[0] !== "-") {
    // no options
  } else if (arg === "-l") {
    const rest = argv.slice(1);
    if (rest.length === 0) {
      let out = "";
      for (let n = 1; n <= 31; n++) out += `${String(n).padStart(2)}) ${signalName(n)}\n`;
      await ctx.stdout.write(out);
      return 0;
    }
    for (const a of rest) {
      if (/^\d/.test(a)) {
        if (!/^\d+$/.test(a)) {
          await warn(ctx, `unknown signal '${a}'`);
          return 1;
        }
        await ctx.stdout.write(signalName(Number(a) & 0x7f) + "\n");
      } else {
        const n = signalByName(a);
        if (n < 0) {
          await warn(ctx, `unknown signal '${a}'`);
          return 1;
        }
        await ctx.stdout.write(n + "\n");
      }
    }
    return 0;
  } else {
    if (killall && arg === "-q") {
      quiet = true;
      arg = argv[++i];
      if (arg === undefined) throw new ShowUsage();
    }
    if (arg !== undefined && arg[0] === "-") {
      let name = arg.slice(1);
      if (name === "-") {
        i++;
      } else {
        if (argv[i + 1] !== undefined && name === "s") name = argv[++i];
        sig = signalByName(name);
        if (sig < 0) {
          await warn(ctx, `bad signal name '${name}'`);
          return 1;
        }
        i++;
      }
    }
  }
  const targets = argv.slice(i);
  if (targets.length === 0) {
    await warn(ctx, "you need to specify whom to kill");
    return 1;
  }
  let errors = 0;
  if (killall) {
    for (const name of targets) {
      const procs = visible(ctx).filter((v) => {
        const p = v.p;
        const base = (p.argv[0] ?? "").slice((p.argv[0] ?? "").lastIndexOf("/") + 1);
        return p.comm === name.slice(0, 15) || base === name;
      });
      if (procs.length === 0) {
        errors++;
        if (!quiet) await warn(ctx, `${name}: no process killed`);
        continue;
      }
      for (const v of procs) {
        if (v.p === ctx.proc) continue;
        const err = sendSignal(ctx, v.p, sig);
        if (err) {
          errors++;
          if (!quiet) await warn(ctx, `can't kill pid ${v.pid}: ${err}`);
        }
      }
    }
    return errors;
  }
  for (const t of targets) {
    const m = /^\s*(-?\d+)$/.exec(t);
    if (!m) {
      await warn(ctx, `invalid number '${t}'`);
      errors++;
      continue;
    }
    const pid = Number(m[1]);
    let err: string | null;
    if (pid > 0) err = sendSignal(ctx, byPid(ctx, pid), sig);
    else if (pid === -1) {
      for (const v of visible(ctx)) if (v.p !== ctx.proc && v.pid !== 1) sendSignal(ctx, v.p, sig);
      err = null;
    } else err = "No such process";
    if (err) {
      await warn(ctx, `can't kill pid ${pid}: ${err}`);
      errors++;
    }
  }
  return errors ? 1 : 0;
}

defineSysApplet({ name: "kill", run: killMain });
defineSysApplet({ name: "killall", run: killMain });

defineSysApplet({
  name: "top",
  async run(ctx) {
    const args = ctx.argv.slice(1).map((a) => (a.startsWith("-") ? a : "-" + a));
    const o = getopt(args, "d:n:bHm");
    if (!o.has("b")) throw new Fatal("only batch mode (-b) is available here");
    const iterations = o.has("n") ? Number(o.get("n")!.replace(/^-/, "")) : -1;
    if (o.has("n") && !/^\d+$/.test(o.get("n")!.replace(/^-/, ""))) throw new Fatal(`invalid number '${o.get("n")}'`);
    const interval = o.has("d") ? Number(o.get("d")!.replace(/^-/, "")) * 1000 : 5000;
    await ctx.sleep(100);
    for (let n = 0; ; n++) {
      const m = memory(ctx.kernel);
      const views = visible(ctx);
      const lastPid = Math.max(0, ...ctx.kernel.list().map((p) => p.pid));
      let out = `Mem: ${m.total - m.free}K used, ${m.free}K free, ${m.shared}K shrd, ${m.buffers}K buff, ${m.cached}K cached\n`;
      out += "CPU:   0% usr   0% sys   0% nic 100% idle   0% io   0% irq   0% sirq\n";
      out += `Load average: ${HOST_LOADAVG.map((l) => l.toFixed(2)).join(" ")} 1/${ctx.kernel.procs.size} ${lastPid}\n`;
      out += "  PID  PPID USER     STAT   VSZ %VSZ %CPU COMMAND";
      for (const v of views) {
        const pmem = Math.floor((v.vszKb * 100 + m.total / 2) / m.total);
        out += `\n${String(v.pid).padStart(5)}${String(v.ppid).padStart(6)} ${userName(ctx.fs, v.p.cred.uid).slice(0, 8).padEnd(8)} ${v.state.padEnd(3)}  ${smartNum(v.vszKb, 5)}${String(pmem).padStart(4)}%${"0".padStart(4)}% ${cmdline(v.p)}`;
      }
      out += "\n";
      await ctx.stdout.write(out);
      if (iterations >= 0 && n + 1 >= iterations) break;
      await ctx.sleep(interval);
    }
    await ctx.stdout.write("\n");
    return 0;
  },
});
