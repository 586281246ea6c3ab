/** touch: update file times or create files (-c -d -t -r -a -m -h). */
import { FsError } from "../../fs/types";
import { defineApplet, UsageError } from "./lib/applet";
import { fsOnly, perror } from "./lib/errors";
import { getopt } from "./lib/getopt";
import { umaskOf } from "./lib/mode";
import { parseDate } from "./lib/time";

defineApplet({
  name: "touch",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "chr:d:t:amf", [
      { name: "no-create", key: "c" },
      { name: "no-dereference", key: "h" },
      { name: "reference", key: "r", arg: "required" },
      { name: "date", key: "d", arg: "required" },
    ]);
    if (o.operands.length === 0) throw new UsageError(null);
    if (o.has("r") && o.has("t")) throw new UsageError(null);
    let when: number | null = null;
    const ref = o.last("r");
    if (ref !== undefined) {
      try {
        when = ctx.fs.stat(ref).mtime;
      } catch (e) {
        await perror(ctx, `can't stat '${ref}'`, e);
        return 1;
      }
    }
    const ds = o.lastOf("d", "t");
    if (ds) when = parseDate(o.last(ds)!, ctx.now());
    // only access time requested: the modification time stays
    const onlyAtime = o.has("a") && !o.has("m");
    let status = 0;
    for (const f of o.operands) {
      try {
        const st = ctx.fs.lstat(f);
        if (st.type === "symlink" && !o.has("h")) ctx.fs.stat(f);
        if (!onlyAtime) ctx.fs.utimes(f, when ?? ctx.now(), !o.has("h"));
      } catch (e) {
        const fe = fsOnly(e);
        if (fe.code === "ENOENT") {
          if (o.has("c")) continue;
          try {
            ctx.fs.writeFile(f, new Uint8Array(0), { mode: 0o666 & ~umaskOf(ctx), append: true });
            if (when !== null && !onlyAtime) ctx.fs.utimes(f, when);
            continue;
          } catch (e2) {
            await perror(ctx, f, e2 instanceof FsError ? e2 : fe);
            status = 1;
            continue;
          }
        }
        await perror(ctx, f, fe);
        status = 1;
      }
    }
    return status;
  },
});
