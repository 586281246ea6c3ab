/** rm: remove files or trees (-f -i -r -R -v). */
import { defineApplet, UsageError } from "./lib/applet";
import { warn } from "./lib/errors";
import { lastComponent, removeFile, stripSlashes } from "./lib/fileutils";
import { getopt } from "./lib/getopt";

defineApplet({
  name: "rm",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "fiRrv");
    const last = o.lastOf("f", "i");
    const flags = { force: last === "f", interactive: last === "i", recursive: o.has("R") || o.has("r"), verbose: o.has("v") };
    if (o.operands.length === 0) {
      if (!flags.force) throw new UsageError(null);
      return 0;
    }
    let status = 0;
    for (const arg of o.operands) {
      const base = lastComponent(arg);
      const path = stripSlashes(arg);
      if (base === "." || base === "..") {
        await warn(ctx, "can't remove '.' or '..'");
        status = 1;
      } else if ((await removeFile(ctx, path, flags)) < 0) status = 1;
    }
    return status;
  },
});
