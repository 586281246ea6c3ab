/** basename and dirname: the last path component (minus a suffix), and everything before it. */
import { UsageError, defineApplet } from "./lib/applet";
import { lastComponent } from "./lib/fileutils";
import { getopt } from "./lib/getopt";
import { dirnameOf } from "./rmdir";

defineApplet({
  name: "basename",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "+as:");
    const args = o.operands;
    if (args.length < 1) throw new UsageError(null);
    const multi = o.has("a") || o.has("s");
    let suffix = o.last("s");
    const out: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const s = lastComponent(args[i]);
      if (!multi && i + 1 < args.length) {
        suffix = args[i + 1];
        if (i + 2 < args.length) throw new UsageError(null);
      }
      let m = s.length;
      if (suffix !== undefined && m > suffix.length && s.endsWith(suffix)) m -= suffix.length;
      out.push(s.slice(0, m) + "\n");
      if (!multi) break;
    }
    await ctx.stdout.write(out.join(""));
    return 0;
  },
});

defineApplet({
  name: "dirname",
  async run(ctx) {
    let args = ctx.argv.slice(1);
    if (args[0] === "--") args = args.slice(1);
    else if (args[0] && args[0].startsWith("-") && args[0] !== "-") getopt(args, "");
    if (args.length !== 1) throw new UsageError(null);
    await ctx.stdout.write(dirnameOf(args[0]) + "\n");
    return 0;
  },
});
