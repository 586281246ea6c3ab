/** which: where PATH finds each command. */
import { ShowUsage, defineSysApplet } from "./lib/sys-applet";
import { getopt } from "./lib/sys-getopt";

const DEFAULT_PATH = "/sbin:/usr/sbin:/bin:/usr/bin";

defineSysApplet({
  name: "which",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "a");
    if (o.operands.length === 0) throw new ShowUsage();
    const executable = (p: string) => {
      try {
        return ctx.fs.access(p, 1) && ctx.fs.stat(p).type === "file";
      } catch {
        return false;
      }
    };
    let status = 0;
    for (const name of o.operands) {
      let missing = true;
      if (name.includes("/")) {
        if (executable(name)) {
          missing = false;
          await ctx.stdout.write(name + "\n");
        }
      } else {
        for (const dir of (ctx.env.PATH ?? DEFAULT_PATH).split(":")) {
          const p = (dir === "" ? "." : dir) + "/" + name;
          if (!executable(p)) continue;
          missing = false;
          await ctx.stdout.write(p + "\n");
          if (!o.has("a")) break;
        }
      }
      if (missing) status = 1;
    }
    return status;
  },
});
