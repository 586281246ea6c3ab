/**
 * How the system applets run: `--help` prints BusyBox's usage text on stderr (status 0), an
 * option error prints glibc's message and the usage (status 1), and a fatal error prints
 * "<applet>: <message>" with the applet's status, as bb_show_usage/bb_error_msg_and_die do.
 */
import { FsError, STRERROR } from "../../../fs/types";
import { registerApplet } from "../../busybox";
import type { ProcessContext } from "../../program";
import { SYS_USAGE } from "./sys-usage";

export const BANNER = "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n";

/** Show the usage (after `message`, if any) and exit 1. */
export class ShowUsage extends Error {
  constructor(readonly detail: string | null = null) {
    super(detail ?? "usage");
    this.name = "ShowUsage";
  }
}

/** "<applet>: <message>" on stderr, then exit `code`. An empty message prints nothing. */
export class Fatal extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
    this.name = "Fatal";
  }
}

export function usageText(name: string): string {
  const u = SYS_USAGE[name];
  return BANNER + "\n" + (u === undefined ? "No help available\n" : "Usage: " + u + "\n");
}

/** The applet name BusyBox dispatched on. */
export function nameOf(ctx: ProcessContext): string {
  const a = ctx.argv[0] ?? "";
  return a.slice(a.lastIndexOf("/") + 1);
}

/** Linux's text for an error thrown by the Vfs (or the message of anything else). */
export function errText(e: unknown): string {
  if (e instanceof FsError) return STRERROR[e.code];
  return e instanceof Error ? e.message : String(e);
}

/** Print "<applet>: <message>" on stderr. */
export async function warn(ctx: ProcessContext, message: string): Promise<void> {
  await ctx.stderr.write(`${nameOf(ctx)}: ${message}\n`);
}

export interface SysAppletDef {
  name: string;
  aliases?: string[];
  /** `--help` is an ordinary argument (true, false). */
  noHelp?: boolean;
  run(ctx: ProcessContext): Promise<number>;
}

export function defineSysApplet(def: SysAppletDef): void {
  const run = async (ctx: ProcessContext): Promise<number> => {
    const name = nameOf(ctx);
    try {
      if (!def.noHelp && ctx.argv[1] === "--help") {
        await ctx.stderr.write(usageText(name));
        return 0;
      }
      return await def.run(ctx);
    } catch (e) {
      if (e instanceof ShowUsage) {
        await ctx.stderr.write((e.detail !== null ? `${name}: ${e.detail}\n` : "") + usageText(name));
        return 1;
      }
      if (e instanceof Fatal) {
        if (e.message) await ctx.stderr.write(`${name}: ${e.message}\n`);
        return e.code;
      }
      throw e;
    }
  };
  for (const n of [def.name, ...(def.aliases ?? [])]) registerApplet({ name: n, usage: SYS_USAGE[n]?.split("\n")[0], run });
}
