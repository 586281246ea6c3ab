/** true, false, yes and pwd. */
import { FsError } from "../../fs/types";
import { defineSysApplet, errText, warn } from "./lib/sys-applet";
import { getopt } from "./lib/sys-getopt";

defineSysApplet({ name: "true", noHelp: true, run: async () => 0 });
defineSysApplet({ name: "false", noHelp: true, run: async () => 1 });

defineSysApplet({
  name: "yes",
  async run(ctx) {
    const line = (ctx.argv.length > 1 ? ctx.argv.slice(1).join(" ") : "y") + "\n";
    // stdio buffers a few kilobytes before each write, as BusyBox's putchar loop does
    const chunk = line.repeat(Math.max(1, Math.floor(4096 / line.length)));
    for (;;) {
      await ctx.stdout.write(chunk);
      await ctx.tick();
    }
  },
});

defineSysApplet({
  name: "pwd",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "LP");
    const pwd = ctx.env.PWD;
    if (o.has("L") && pwd?.startsWith("/") && !/(^|\/)\.\.?(\/|$)/.test(pwd)) {
      try {
        const a = ctx.fs.stat(pwd);
        const b = ctx.fs.stat(".");
        if (a.ino === b.ino) {
          await ctx.stdout.write(pwd + "\n");
          return 0;
        }
      } catch {
        /* fall back to the physical directory */
      }
    }
    try {
      await ctx.stdout.write(ctx.fs.realpath(ctx.cwd) + "\n");
      return 0;
    } catch (e) {
      await warn(ctx, `getcwd: ${errText(e instanceof FsError ? e : new FsError("ENOENT"))}`);
      return 1;
    }
  },
});
