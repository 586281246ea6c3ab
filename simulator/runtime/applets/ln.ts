/** ln: make hard or symbolic links (-s -f -n -b -S -v -T). */
import { defineApplet, Die, UsageError } from "./lib/applet";
import { perror } from "./lib/errors";
import { joinPath } from "./lib/fileinfo";
import { lastComponent } from "./lib/fileutils";
import { getopt } from "./lib/getopt";

defineApplet({
  name: "ln",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "sfnbS:vT");
    const args = [...o.operands];
    if (args.length < 1) throw new UsageError(null);
    if (o.has("T") && args.length > 2) throw new Die("-T accepts 2 args max");
    let last = args[args.length - 1];
    if (args.length === 1) {
      // "ln PATH/TO/FILE" links FILE here
      last = lastComponent(last);
    } else args.pop();
    const suffix = o.last("S") ?? "~";
    let status = 0;
    for (const src of args) {
      let dest = last;
      let isDir = false;
      try {
        isDir = (o.has("n") || o.has("T") ? ctx.fs.lstat(dest) : ctx.fs.stat(dest)).type === "dir";
      } catch {
        isDir = false;
      }
      if (isDir) {
        if (o.has("T")) throw new Die(`'${dest}' is a directory`);
        dest = joinPath(dest, lastComponent(src));
      }
      if (!o.has("s")) {
        let ok = true;
        try {
          ctx.fs.stat(src);
        } catch (e) {
          try {
            ok = ctx.fs.lstat(src).type === "symlink";
          } catch {
            ok = false;
          }
          if (!ok) {
            await perror(ctx, src, e);
            status = 1;
            continue;
          }
        }
      }
      if (o.has("b")) {
        try {
          ctx.fs.rename(dest, dest + suffix);
        } catch (e) {
          if ((e as { code?: string }).code !== "ENOENT") {
            await perror(ctx, dest, e);
            status = 1;
            continue;
          }
        }
        try {
          ctx.fs.unlink(dest);
        } catch {
          /* gone already */
        }
      } else if (o.has("f")) {
        try {
          ctx.fs.unlink(dest);
        } catch {
          /* nothing to replace */
        }
      }
      if (o.has("v")) await ctx.stdout.write(`'${dest}' -> '${src}'\n`);
      try {
        if (o.has("s")) ctx.fs.symlink(src, dest);
        else ctx.fs.link(src, dest);
      } catch (e) {
        await perror(ctx, dest, e);
        status = 1;
      }
    }
    return status;
  },
});
