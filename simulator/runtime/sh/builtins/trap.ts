/** trap: signal actions (EXIT, names, numbers, '' to ignore, - to reset) and their listing. */
import { SIGNAL_NAMES, SIGNALS } from "../../signals";
import { singleQuote } from "../command";
import type { Shell } from "../shell";
import { def } from "./table";

/** BusyBox's get_signum: a number, or a name with or without SIG, any case; EXIT is 0. */
export function signum(s: string): number {
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    return n < 65 ? n : -1;
  }
  let u = s.toUpperCase();
  if (u === "EXIT") return 0;
  if (u.startsWith("SIG")) u = u.slice(3);
  return SIGNALS[u] ?? -1;
}

export function signame(n: number): string {
  if (n === 0) return "EXIT";
  return SIGNAL_NAMES[n] ?? String(n);
}

/** Make the process's disposition follow the shell's trap for `sig`. */
export function applyTrap(sh: Shell, sig: number): void {
  if (sig <= 0 || sig === SIGNALS.KILL || sig === SIGNALS.STOP) return;
  const action = sh.traps.get(sig);
  const h = sh.proc.handlers;
  sh.ignored.delete(sig);
  if (action === undefined) {
    const keepIgnored = sh.interactive && (sig === SIGNALS.INT || sig === SIGNALS.QUIT || sig === SIGNALS.TERM);
    if (keepIgnored) h.set(sig, "ignore");
    else h.delete(sig);
  } else if (action === "") {
    h.set(sig, "ignore");
    sh.ignored.add(sig);
  } else h.set(sig, "catch");
}

def(
  "trap",
  async (sh, argv) => {
    let args = argv.slice(1);
    if (args[0] === "--") args = args.slice(1);
    else if (args[0] && args[0].length > 1 && args[0][0] === "-") return sh.raise(`illegal option ${args[0].slice(0, 2)}`);
    if (args.length === 0) {
      const traps = sh.trapsForPrint ?? sh.traps;
      let out = "";
      for (const sig of [...traps.keys()].sort((a, b) => a - b)) out += `trap -- ${singleQuote(traps.get(sig)!)} ${signame(sig)}\n`;
      await sh.out(out);
      return 0;
    }
    let action: string | null = null;
    if (args.length > 1 && !/^\d+$/.test(args[0])) action = args.shift()!;
    let code = 0;
    for (const a of args) {
      const sig = signum(a);
      if (sig < 0) {
        await sh.msg(`${a}: invalid signal specification`);
        code = 1;
        continue;
      }
      if (action === null || action === "-") sh.traps.delete(sig);
      else sh.traps.set(sig, action);
      applyTrap(sh, sig);
    }
    return code;
  },
  { special: true },
);
