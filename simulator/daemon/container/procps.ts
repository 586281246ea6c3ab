/**
 * The host's procps `ps`, as far as `docker top` runs it: the daemon calls `ps <args>` and keeps
 * the rows of the container's processes. Formats: the default (PID TTY TIME CMD), -f/-ef
 * (UID PID PPID C STIME TTY TIME CMD), BSD u/aux, x, and -o/o with user-defined columns.
 * Output is procps' text; its first error line is what the daemon reports.
 */
import * as kernel from "../../runtime/kernel";
import type { Process } from "../../runtime/process";

export interface PsHost {
  /** Host user name for a uid, or null (procps then prints the number). */
  userName(uid: number): string | null;
  now: number;
  /** Host memory in bytes, for %MEM. */
  memTotal: number;
  /** The controlling terminal's name ("pts/0"), or null. */
  ttyOf(p: Process): string | null;
}

type Col = { header: string; right: boolean; value: (p: Process, h: PsHost) => string };

/** CPU time a process used, in ms: its steps in quanta, each costing the kernel's quantum time. */
export const cpuMs = (p: Process) => (p.steps / kernel.QUANTUM) * ((kernel as unknown as { QUANTUM_MS?: number }).QUANTUM_MS ?? 1);
const pad2 = (n: number) => String(n).padStart(2, "0");
const hhmm = (ms: number) => {
  const d = new Date(ms);
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
};
const hms = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
};
const pct = (p: Process, h: PsHost) => {
  const up = h.now - p.startTime;
  return up > 0 ? Math.min(100, (cpuMs(p) / up) * 100) : 0;
};
const tty = (p: Process, h: PsHost) => h.ttyOf(p) ?? "?";
const state = (p: Process) => (p.state === "T" ? "T" : p.state === "Z" ? "Z" : "S") + (p.nsPid === 1 ? "s" : "");
const ppid = (p: Process) => String(p.parent?.pid ?? 0);
const user = (p: Process, h: PsHost) => h.userName(p.cred.uid) ?? String(p.cred.uid);
const args = (p: Process) => p.argv.join(" ") || `[${p.comm}]`;
const vsz = (p: Process) => String(Math.max(2268, Math.ceil(p.memory / 1024) + 2268));
const rss = (p: Process) => String(Math.max(1384, Math.ceil(p.memory / 1024) + 1384));

const COLUMNS: Record<string, Col> = {
  pid: { header: "PID", right: true, value: (p) => String(p.pid) },
  ppid: { header: "PPID", right: true, value: ppid },
  pgid: { header: "PGID", right: true, value: (p) => String(p.pid) },
  sid: { header: "SID", right: true, value: (p) => String(p.pid) },
  uid: { header: "UID", right: true, value: (p) => String(p.cred.uid) },
  user: { header: "USER", right: false, value: user },
  euser: { header: "EUSER", right: false, value: user },
  gid: { header: "GID", right: true, value: (p) => String(p.cred.gid) },
  comm: { header: "COMMAND", right: false, value: (p) => p.comm },
  args: { header: "COMMAND", right: false, value: args },
  command: { header: "COMMAND", right: false, value: args },
  cmd: { header: "CMD", right: false, value: args },
  stat: { header: "STAT", right: false, value: state },
  s: { header: "S", right: false, value: () => "S" },
  time: { header: "TIME", right: true, value: (p) => hms(cpuMs(p)) },
  etime: { header: "ELAPSED", right: true, value: (p, h) => elapsed(h.now - p.startTime) },
  tty: { header: "TT", right: false, value: tty },
  tt: { header: "TT", right: false, value: tty },
  c: { header: "C", right: true, value: (p, h) => String(Math.floor(pct(p, h))) },
  stime: { header: "STIME", right: false, value: (p) => hhmm(p.startTime) },
  start: { header: "STARTED", right: true, value: (p) => hhmm(p.startTime) + ":00" },
  "%cpu": { header: "%CPU", right: true, value: (p, h) => pct(p, h).toFixed(1) },
  pcpu: { header: "%CPU", right: true, value: (p, h) => pct(p, h).toFixed(1) },
  "%mem": { header: "%MEM", right: true, value: (p, h) => ((p.memory / h.memTotal) * 100).toFixed(1) },
  vsz: { header: "VSZ", right: true, value: vsz },
  rss: { header: "RSS", right: true, value: rss },
  nlwp: { header: "NLWP", right: true, value: () => "1" },
};

function elapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const hh = Math.floor(s / 3600) % 24;
  const body = `${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
  return d ? `${d}-${pad2(hh)}:${body}` : hh ? `${pad2(hh)}:${body}` : body;
}

const F_FORMAT: Col[] = [
  { ...COLUMNS.uid, header: "UID", right: false, value: user },
  COLUMNS.pid,
  COLUMNS.ppid,
  COLUMNS.c,
  COLUMNS.stime,
  { ...COLUMNS.tty, header: "TTY" },
  COLUMNS.time,
  COLUMNS.cmd,
];
const DEFAULT_FORMAT: Col[] = [COLUMNS.pid, { ...COLUMNS.tty, header: "TTY" }, COLUMNS.time, { ...COLUMNS.comm, header: "CMD" }];
const BSD_U: Col[] = [
  COLUMNS.user,
  COLUMNS.pid,
  COLUMNS["%cpu"],
  COLUMNS["%mem"],
  COLUMNS.vsz,
  COLUMNS.rss,
  { ...COLUMNS.tty, header: "TTY" },
  COLUMNS.stat,
  { ...COLUMNS.stime, header: "START" },
  { header: "TIME", right: true, value: (p) => `${Math.floor(cpuMs(p) / 60000)}:${pad2(Math.floor(cpuMs(p) / 1000) % 60)}` },
  COLUMNS.command,
];
const BSD_X: Col[] = [COLUMNS.pid, { ...COLUMNS.tty, header: "TTY" }, COLUMNS.stat, BSD_U[9], COLUMNS.command];

/** The columns `ps args` prints, or procps' error line. */
export function psFormat(argv: string[]): Col[] | { error: string } {
  const custom: Col[] = [];
  let full = false;
  let bsd = "";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "") continue;
    if (a.startsWith("--")) {
      if (a === "--format" || a.startsWith("--format=")) {
        const spec = a.includes("=") ? a.slice(9) : argv[++i];
        const r = customColumns(spec);
        if ("error" in r) return r;
        custom.push(...r);
        continue;
      }
      return { error: "error: unknown gnu long option" };
    }
    const dash = a.startsWith("-");
    const letters = dash ? a.slice(1) : a;
    for (let j = 0; j < letters.length; j++) {
      const ch = letters[j];
      if (ch === "o" || ch === "O") {
        const spec = letters.slice(j + 1) || argv[++i];
        if (spec === undefined || spec === "") return { error: "error: format specification must follow -o" };
        const r = customColumns(spec);
        if ("error" in r) return r;
        custom.push(...r);
        break;
      }
      if (dash && "eAfFlyHwjT".includes(ch)) full ||= ch === "f" || ch === "F" || ch === "l";
      else if (!dash && "uxawwehjlvrTUc".includes(ch)) bsd += ch;
      else return { error: dash ? "error: unsupported SysV option" : "error: unsupported option (BSD syntax)" };
    }
  }
  if (custom.length) return custom;
  if (bsd.includes("u")) return BSD_U;
  if (bsd.includes("x") || bsd.includes("a")) return BSD_X;
  return full ? F_FORMAT : DEFAULT_FORMAT;
}

function customColumns(spec: string): Col[] | { error: string } {
  const out: Col[] = [];
  for (const part of spec.split(/[,\s]+/).filter(Boolean)) {
    const [name, header] = part.split("=", 2);
    const col = COLUMNS[name.toLowerCase()];
    if (!col) return { error: `error: unknown user-defined format specifier "${name}"` };
    out.push(header !== undefined ? { ...col, header } : col);
  }
  return out;
}

/** procps' text: a header line and one line per process, columns separated by single spaces. */
export function psText(cols: Col[], procs: Process[], host: PsHost): string {
  const rows = [cols.map((c) => c.header), ...procs.map((p) => cols.map((c) => c.value(p, host)))];
  const widths = cols.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === cols.length - 1 ? cell : cols[i].right ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(" ").trimEnd()).join("\n") + "\n";
}
