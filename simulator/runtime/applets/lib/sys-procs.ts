/** The process table as /proc shows it to a process: pids in its own namespace, users, sizes. */
import type { Process } from "../../process";
import type { ProcessContext } from "../../program";

/** Model sizes (kB): the static BusyBox mapping plus what a process declared with useMemory. */
export const BASE_VSZ_KB = 2268;
export const BASE_RSS_KB = 1420;

export interface ProcView {
  p: Process;
  pid: number;
  ppid: number;
  vszKb: number;
  rssKb: number;
  /** "R" for the caller, else the process's state with waiting shown as "S". */
  state: string;
}

/** Processes visible from ctx's PID namespace, in pid order, numbered as it sees them. */
export function visible(ctx: ProcessContext): ProcView[] {
  const ns = ctx.proc.ns.pid;
  const host = ns.parent === null;
  return ctx.kernel.list(ns).map((p) => {
    const par = p.parent;
    const ppid = par === null ? 0 : host ? par.pid : par.ns.pid === ns ? par.nsPid : 0;
    const kb = Math.ceil(p.memory / 1024);
    const state = p === ctx.proc ? "R" : p.state === "R" ? "S" : p.state;
    return { p, pid: host ? p.pid : p.nsPid, ppid, vszKb: BASE_VSZ_KB + kb, rssKb: BASE_RSS_KB + kb, state };
  });
}

/** The process a pid names in ctx's namespace. */
export function byPid(ctx: ProcessContext, pid: number): Process | undefined {
  const ns = ctx.proc.ns.pid;
  if (ns.parent === null) return ctx.kernel.procs.get(pid);
  return ns.members.get(pid);
}

/** read_cmdline: the arguments, prefixed with "{comm}" when comm is not argv[0]'s basename. */
export function cmdline(p: Process): string {
  if (p.argv.length === 0) return `[${p.comm}]`;
  const line = p.argv.join(" ").replace(/[\x00-\x1f]/g, " ");
  let base = p.argv[0].split(" ")[0];
  base = base.slice(base.lastIndexOf("/") + 1).replace(/^-/, "");
  return base.startsWith(p.comm) ? line : `{${p.comm}} ${line}`;
}

/** smart_ulltoa4 / smart_ulltoa5: right-aligned numbers scaled into 4 or 5 characters. */
export function smartNum(ul: number, width: 4 | 5, scale = " mgtpezy"): string {
  let idx = 0;
  const limit = width === 4 ? 9999 : 99999;
  if (ul > limit) {
    ul *= 10;
    do {
      ul = Math.floor(ul / 1024);
      idx++;
    } while (ul >= (width === 4 ? 10000 : 100000));
  }
  if (idx === 0) return String(ul).padStart(width, " ");
  const u = Math.floor(ul / 10);
  const v = ul % 10;
  const digits = width === 4 ? 2 : 3;
  const body = u >= 10 ? String(u).padStart(digits + 1, " ").slice(-(digits + 1)) : `${u}.${v}`.padStart(digits + 1, " ");
  return body + scale[idx];
}
