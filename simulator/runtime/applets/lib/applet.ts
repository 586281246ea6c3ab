/**
 * Registering an applet the way BusyBox runs one: `applet --help` prints the usage on stderr
 * (status 0), option errors print the usage after the getopt message (status 1), and fatal
 * errors print "<applet>: <message>" (bb_error_msg_and_die).
 */
import { registerApplet } from "../../busybox";
import type { ProcessContext } from "../../program";
import { USAGE } from "./usage";

const BANNER = "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n";

/** Print the message and the applet's usage, exit 1 (bb_show_usage after a getopt error). */
export class UsageError extends Error {
  constructor(readonly text: string | null) {
    super(text ?? "usage");
    this.name = "UsageError";
  }
}

/** "<applet>: <message>" and exit `code` (bb_error_msg_and_die). */
export class Die extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
    this.name = "Die";
  }
}

/** The name the applet was called by (BusyBox's applet_name). */
export function appletName(ctx: ProcessContext): string {
  const a = ctx.argv[0] ?? "";
  return a.slice(a.lastIndexOf("/") + 1);
}

export function usageText(name: string): string {
  const u = USAGE[name];
  return BANNER + "\n" + (u === undefined ? "No help available\n" : "Usage: " + u + "\n");
}

type Run = (ctx: ProcessContext) => Promise<number>;

export interface AppletDef {
  name: string;
  /** Other names the same code answers to (egrep, fgrep, "["). */
  aliases?: string[];
  /** Applets that treat "--help" as an ordinary argument (echo, test). */
  noHelp?: boolean;
  /** The exit status of usage errors (BusyBox's xfunc_error_retval: 2 for grep, 1 elsewhere). */
  failCode?: number;
  run: Run;
}

export function defineApplet(def: AppletDef): void {
  const wrapped: Run = async (ctx) => {
    const name = appletName(ctx);
    try {
      if (!def.noHelp && ctx.argv.length === 2 && ctx.argv[1] === "--help") {
        await ctx.stderr.write(usageText(name));
        return 0;
      }
      return await def.run(ctx);
    } catch (e) {
      if (e instanceof UsageError) {
        await ctx.stderr.write((e.text !== null ? `${name}: ${e.text}\n` : "") + usageText(name));
        return def.failCode ?? 1;
      }
      if (e instanceof Die) {
        if (e.message) await ctx.stderr.write(`${name}: ${e.message}\n`);
        return e.code;
      }
      throw e;
    }
  };
  for (const n of [def.name, ...(def.aliases ?? [])]) {
    const u = USAGE[n];
    registerApplet({ name: n, usage: u?.split("\n")[0], run: wrapped });
  }
}
