/**
 * How the networking applets run: BusyBox's usage text for --help and option errors, and
 * "<applet>: <message>" for fatal errors, with the reference binary's wording for socket errors.
 */
import { registerApplet } from "../busybox";
import type { ProcessContext } from "../program";
import { BANNER, Fatal, nameOf, ShowUsage } from "./lib/sys-applet";
import { NET_USAGE } from "./net-usage";
import { NetError } from "./net-socket";
import { netStack } from "./net-stack";

export { Fatal, ShowUsage };

export function netUsage(name: string): string {
  return BANNER + "\n" + "Usage: " + (NET_USAGE[name] ?? "") + "\n";
}

export function defineNetApplet(name: string, run: (ctx: ProcessContext) => Promise<number>): void {
  registerApplet({
    name,
    usage: NET_USAGE[name]?.split("\n")[0],
    async run(ctx) {
      try {
        if (ctx.argv[1] === "--help") {
          await ctx.stderr.write(netUsage(name));
          return 0;
        }
        return await run(ctx);
      } catch (e) {
        if (e instanceof ShowUsage) {
          await ctx.stderr.write((e.detail !== null ? `${nameOf(ctx)}: ${e.detail}\n` : "") + netUsage(name));
          return 1;
        }
        if (e instanceof Fatal) {
          if (e.message) await ctx.stderr.write(`${nameOf(ctx)}: ${e.message}\n`);
          return e.code;
        }
        throw e;
      }
    },
  });
}

/** The stack of the machine a process runs on, and its namespace. */
export function netOf(ctx: ProcessContext) {
  return { stack: netStack(ctx.kernel), ns: ctx.proc.ns.net };
}

/** connect() as BusyBox's xconnect reports a failure: "can't connect to remote host (IP): <why>". */
export async function connectOrDie(ctx: ProcessContext, ip: string, port: number, timeoutMs?: number) {
  const { stack, ns } = netOf(ctx);
  try {
    return await ctx.proc.guard(stack.connect(ns, ip, port, { timeoutMs, owner: ctx.proc }));
  } catch (e) {
    if (e instanceof NetError) throw new Fatal(`can't connect to remote host (${ip}): ${e.message}`);
    throw e;
  }
}

/** Decimal number check as BusyBox's xatou does ("invalid number 'x'"). */
export function xatou(s: string, max = 0xffffffff): number {
  if (!/^\d+$/.test(s) || Number(s) > max) throw new Fatal(`invalid number '${s}'`);
  return Number(s);
}
