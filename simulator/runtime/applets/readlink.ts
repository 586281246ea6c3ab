/** readlink (-f -n -v) and realpath: symlink targets and canonical absolute paths. */
import { FsError } from "../../fs/types";
import type { ProcessContext } from "../program";
import { UsageError, defineApplet } from "./lib/applet";
import { fsOnly, perror, strerror, warn } from "./lib/errors";
import { joinPath } from "./lib/fileinfo";
import { getopt } from "./lib/getopt";

/**
 * realpath(3), or for a missing last component (coreutils' readlink -f / realpath) the
 * canonical parent plus that name; a dangling symlink resolves through its target.
 */
export function realpathCoreutils(ctx: ProcessContext, path: string, depth = 0): string {
  try {
    return ctx.fs.realpath(path);
  } catch (e) {
    const fe = fsOnly(e);
    if (fe.code !== "ENOENT" || depth > 40) throw fe;
    let target: string | null = null;
    try {
      target = ctx.fs.readlink(path);
    } catch {
      target = null;
    }
    if (target !== null) {
      if (!target.startsWith("/")) target = joinPath(ctx.cwd, target);
      return realpathCoreutils(ctx, target, depth + 1);
    }
    let p = path;
    while (p.startsWith("//")) p = p.slice(1);
    p = p.replace(/(.)\/+$/, "$1");
    const slash = p.lastIndexOf("/");
    if (slash === 0) return p;
    if (slash < 0) throw fe;
    const dir = ctx.fs.realpath(p.slice(0, slash));
    return (dir === "/" ? "" : dir) + "/" + p.slice(slash + 1);
  }
}

defineApplet({
  name: "readlink",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "fnvsq");
    if (o.operands.length !== 1) throw new UsageError(null);
    const name = o.operands[0];
    let out: string;
    try {
      if (o.has("f")) out = realpathCoreutils(ctx, name);
      else out = ctx.fs.readlink(name);
    } catch (e) {
      if (o.has("v") && !o.has("f")) {
        {
          const fe = fsOnly(e);
          await warn(ctx, `${name}: cannot read link: ${fe.code === "EINVAL" ? "not a symlink" : strerror(fe)}`);
        }
      }
      return 1;
    }
    await ctx.stdout.write(o.has("n") ? out : out + "\n");
    return 0;
  },
});

defineApplet({
  name: "realpath",
  async run(ctx) {
    const args = ctx.argv.slice(1);
    if (args.length === 0) throw new UsageError(null);
    let status = 0;
    for (const a of args) {
      try {
        await ctx.stdout.write(realpathCoreutils(ctx, a) + "\n");
      } catch (e) {
        status = 1;
        await perror(ctx, a, e instanceof FsError ? e : new FsError("ENOENT"));
      }
    }
    return status;
  },
});
