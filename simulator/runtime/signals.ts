/** Linux signal numbers and names (x86-64), and their default actions. */
export const SIGNALS: Record<string, number> = {
  HUP: 1, INT: 2, QUIT: 3, ILL: 4, TRAP: 5, ABRT: 6, BUS: 7, FPE: 8, KILL: 9, USR1: 10, SEGV: 11,
  USR2: 12, PIPE: 13, ALRM: 14, TERM: 15, STKFLT: 16, CHLD: 17, CONT: 18, STOP: 19, TSTP: 20,
  TTIN: 21, TTOU: 22, URG: 23, XCPU: 24, XFSZ: 25, VTALRM: 26, PROF: 27, WINCH: 28, IO: 29, PWR: 30, SYS: 31,
};

export const SIGNAL_NAMES: Record<number, string> = Object.fromEntries(Object.entries(SIGNALS).map(([k, v]) => [v, k]));

/** Signals whose default action is to do nothing. */
const IGNORED_BY_DEFAULT = new Set([SIGNALS.CHLD, SIGNALS.CONT, SIGNALS.URG, SIGNALS.WINCH]);
const STOPPING = new Set([SIGNALS.STOP, SIGNALS.TSTP, SIGNALS.TTIN, SIGNALS.TTOU]);

export type DefaultAction = "terminate" | "ignore" | "stop" | "continue";

export function defaultAction(sig: number): DefaultAction {
  if (sig === SIGNALS.CONT) return "continue";
  if (IGNORED_BY_DEFAULT.has(sig)) return "ignore";
  if (STOPPING.has(sig)) return "stop";
  return "terminate";
}

/** Parse "TERM", "SIGTERM", "15" (as docker kill -s and kill do). Returns null if unknown. */
export function parseSignal(s: string): number | null {
  const u = s.toUpperCase().replace(/^SIG/, "");
  if (/^\d+$/.test(u)) {
    const n = Number(u);
    return n >= 1 && n <= 64 ? n : null;
  }
  return SIGNALS[u] ?? null;
}
