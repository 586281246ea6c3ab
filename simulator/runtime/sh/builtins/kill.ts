/** kill as a builtin (BusyBox's kill applet code): names or numbers, -l, -s, %jobs; pids in the caller's namespace. */
import { hasCap } from "../../cred";
import type { Process } from "../../process";
import { SIGNALS } from "../../signals";
import type { Shell } from "../shell";
import { signame, signum } from "./trap";
import { findJob } from "./jobs";
import { def } from "./table";

/** BusyBox's name for signal 29 is POLL. */
const listName = (n: number): string => (n === SIGNALS.IO ? "POLL" : signame(n));

function findJobPid(sh: Shell, spec: string): number | null {
  const job = findJob(sh, spec);
  return job ? job.procs[0].nsPid : null;
}

function mayKill(sh: Shell, p: Process): boolean {
  const c = sh.proc.cred;
  return c.uid === 0 || hasCap(c, "KILL") || c.uid === p.cred.uid;
}

def("kill", async (sh, argv) => {
  const err = (m: string): Promise<void> => sh.err(`${sh.appletName}: ${m}\n`);
  let args = argv.slice(1);
  if (args[0] === "-l") {
    if (args.length === 1) {
      let out = "";
      for (let n = 1; n < 32; n++) out += `${String(n).padStart(2)}) ${listName(n)}\n`;
      await sh.out(out);
      return 0;
    }
    let status = 0;
    for (const a of args.slice(1)) {
      if (/^\d+$/.test(a)) {
        const n = Number(a);
        await sh.out((n >= 1 && n < 32 ? listName(n) : String(n)) + "\n");
      } else {
        const n = signum(a);
        if (n <= 0) {
          await err(`bad signal name '${a}'`);
          status = 1;
        } else await sh.out(n + "\n");
      }
    }
    return status;
  }
  let sig = SIGNALS.TERM;
  if (args[0] === "-s" || args[0] === "-n") {
    if (args[1] === undefined) {
      await err("option requires an argument -- s");
      return 1;
    }
    const n = signum(args[1]);
    if (n < 0) {
      await err(`bad signal name '${args[1]}'`);
      return 1;
    }
    sig = n;
    args = args.slice(2);
  } else if (args[0] && args[0].startsWith("-") && args[0] !== "--") {
    const n = signum(args[0].slice(1));
    if (n < 0) {
      await err(`bad signal name '${args[0].slice(1)}'`);
      return 1;
    }
    sig = n;
    args = args.slice(1);
  }
  if (args[0] === "--") args = args.slice(1);
  if (args.length === 0) {
    await err("you need to specify whom to kill");
    return 1;
  }
  let errors = 0;
  const all = sh.ctx.kernel.list(sh.proc.ns.pid);
  for (const a of args) {
    let pid: number;
    if (a.startsWith("%")) {
      const p = findJobPid(sh, a);
      if (p === null) return sh.raise(`${a}: no such job`);
      pid = p;
    } else if (/^-?\d+$/.test(a) && Math.abs(Number(a)) < 2 ** 31) pid = Number(a);
    else {
      await err(`invalid number '${a}'`);
      errors++;
      continue;
    }
    let targets: Process[];
    if (pid > 0) targets = all.filter((p) => p.nsPid === pid);
    else if (pid === -1) targets = all.filter((p) => p.nsPid !== 1 && p !== sh.proc);
    else {
      const root = pid === 0 ? sh.proc : all.find((p) => p.nsPid === -pid);
      targets = root ? all.filter((p) => isDescendant(p, root)) : [];
    }
    if (targets.length === 0) {
      await err(`can't kill pid ${pid}: No such process`);
      errors++;
      continue;
    }
    const allowed = targets.filter((p) => mayKill(sh, p));
    if (allowed.length === 0) {
      await err(`can't kill pid ${pid}: Operation not permitted`);
      errors++;
      continue;
    }
    for (const p of allowed) {
      // kill(2) from inside a PID namespace: its init gets only the signals it handles (even
      // SIGKILL is dropped), so `kill -KILL $$` in a container's PID 1 does nothing
      const me = sh.ctx.proc;
      const ownInit = p.nsPid === 1 && p.ns.pid === me.ns.pid && me.ns.pid.parent !== null;
      if (ownInit && p.disposition(sig) === "default") continue;
      sh.ctx.kernel.signal(p, sig);
    }
  }
  return errors ? 1 : 0;
});

function isDescendant(p: Process, root: Process): boolean {
  for (let q: Process | null = p; q; q = q.parent) if (q === root) return true;
  return false;
}
