/**
 * The BusyBox multi-call binary: one program that becomes the applet named by argv[0]
 * (or by argv[1] when called as "busybox"), exactly as the real binary dispatches.
 */
import type { Applet } from "./applets/types";
import type { Program, ProcessContext } from "./program";

/** Applet implementations by name; filled by the applet modules and the shell. */
export const APPLETS = new Map<string, Applet>();

export function registerApplet(a: Applet): void {
  APPLETS.set(a.name, a);
}

function base(a: string): string {
  return a.slice(a.lastIndexOf("/") + 1);
}

export const busyboxProgram: Program = async (ctx: ProcessContext) => {
  // a login shell is invoked as "-sh"
  let name = base(ctx.argv[0] ?? "busybox").replace(/^-/, "");
  if (name === "busybox") {
    if (ctx.argv.length < 2) {
      await ctx.stdout.write("BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n");
      return 0;
    }
    if (ctx.argv[1] === "--list") {
      await ctx.stdout.write([...APPLETS.keys()].sort().join("\n") + "\n");
      return 0;
    }
    ctx.argv.shift();
    name = base(ctx.argv[0]);
  }
  const applet = APPLETS.get(name);
  if (!applet) {
    await ctx.stderr.write(`${name}: applet not found\n`);
    return 127;
  }
  return applet.run(ctx);
};
