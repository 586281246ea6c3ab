/** tee: copy stdin to stdout and files (-a append, -i ignore SIGINT). */
import type { Writable } from "../streams";
import { SIGNALS } from "../signals";
import { defineApplet } from "./lib/applet";
import { perror, strerror, warn } from "./lib/errors";
import { getopt } from "./lib/getopt";
import { umaskOf } from "./lib/mode";

defineApplet({
  name: "tee",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "ia");
    if (o.has("i")) ctx.proc.handlers.set(SIGNALS.INT, "ignore");
    let status = 0;
    const outs: Array<{ w: Writable; name: string; ok: boolean }> = [{ w: ctx.stdout, name: "standard output", ok: true }];
    for (const f of o.operands) {
      if (f === "-") {
        outs.push({ w: ctx.stdout, name: f, ok: true });
        continue;
      }
      try {
        outs.push({ w: ctx.fs.openWrite(f, { append: o.has("a"), mode: 0o666 & ~umaskOf(ctx) }), name: f, ok: true });
      } catch (e) {
        await perror(ctx, f, e);
        status = 1;
      }
    }
    for (;;) {
      await ctx.tick();
      const c = await ctx.stdin.read();
      if (!c) break;
      for (const out of outs) {
        if (!out.ok) continue;
        try {
          await out.w.write(c);
        } catch (e) {
          if (!(e instanceof Error && e.name === "FsError")) throw e;
          out.ok = false;
          await warn(ctx, `${out.name}: ${strerror(e)}`);
          status = 1;
        }
      }
    }
    for (const out of outs) if (out.w !== ctx.stdout) out.w.close();
    return status;
  },
});
