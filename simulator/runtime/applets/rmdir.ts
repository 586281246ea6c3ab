/** rmdir: remove empty directories (-p parents, --ignore-fail-on-non-empty, -v). */
import { defineApplet, UsageError } from "./lib/applet";
import { fsOnly, strerror, warn } from "./lib/errors";
import { getopt } from "./lib/getopt";

/** POSIX dirname as libc's dirname() computes it. */
export function dirnameOf(p: string): string {
  let s = p.replace(/\/+$/, "");
  if (s === "") return p.startsWith("/") ? "/" : ".";
  const i = s.lastIndexOf("/");
  if (i < 0) return ".";
  s = s.slice(0, i).replace(/\/+$/, "");
  return s === "" ? "/" : s;
}

defineApplet({
  name: "rmdir",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "pv", [
      { name: "parents", key: "p" },
      { name: "ignore-fail-on-non-empty", key: "ignore" },
      { name: "verbose", key: "v" },
    ]);
    if (o.operands.length === 0) throw new UsageError(null);
    let status = 0;
    for (let path of o.operands) {
      for (;;) {
        if (o.has("v")) await ctx.stdout.write(`rmdir: removing directory, '${path}'\n`);
        try {
          ctx.fs.rmdir(path);
        } catch (e) {
          const fe = fsOnly(e);
          if (o.has("ignore") && fe.code === "ENOTEMPTY") break;
          await warn(ctx, `'${path}': ${strerror(fe)}`);
          status = 1;
          break;
        }
        if (!o.has("p")) break;
        path = dirnameOf(path);
        if (path === ".") break;
      }
    }
    return status;
  },
});
