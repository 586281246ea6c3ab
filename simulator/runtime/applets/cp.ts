/** cp: copy files and directories (-R -a -p -d -P -L -H -f -i -n -l -s -u -v -T -t). */
import { defineApplet, Die, UsageError } from "./lib/applet";
import { fsOnly, strerror, warn } from "./lib/errors";
import { type CopyFlags, CopyState, copyFile, lastComponent } from "./lib/fileutils";
import { joinPath } from "./lib/fileinfo";
import { getopt } from "./lib/getopt";
import type { ProcessContext } from "../program";
import { makeDirectory } from "./mkdir";
import { dirnameOf } from "./rmdir";

/** 0 missing, 1 non-directory, 3 directory; -1 after printing an error (cp_mv_stat2). */
export async function cpMvStat(ctx: ProcessContext, p: string, follow: boolean): Promise<number> {
  try {
    return (follow ? ctx.fs.stat(p) : ctx.fs.lstat(p)).type === "dir" ? 3 : 1;
  } catch (e) {
    const fe = fsOnly(e);
    if (fe.code === "ENOENT") return 0;
    if (fe.code === "ENOTDIR") await warn(ctx, `can't stat '${p}': Path has non-directory component`);
    else await warn(ctx, `can't stat '${p}': ${strerror(fe)}`);
    return -1;
  }
}

defineApplet({
  name: "cp",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "pdRfinlsLHarPvuTt:", [
      { name: "archive", key: "a" },
      { name: "force", key: "f" },
      { name: "interactive", key: "i" },
      { name: "no-clobber", key: "n" },
      { name: "link", key: "l" },
      { name: "dereference", key: "L" },
      { name: "no-dereference", key: "P" },
      { name: "recursive", key: "R" },
      { name: "symbolic-link", key: "s" },
      { name: "no-target-directory", key: "T" },
      { name: "target-directory", key: "t", arg: "required" },
      { name: "verbose", key: "v" },
      { name: "update", key: "u" },
      { name: "remove-destination", key: "rmdest" },
      { name: "parents", key: "parents" },
    ]);
    const args = o.operands;
    if (args.length < 1) throw new UsageError(null);
    if (o.has("l") && o.has("s")) throw new UsageError(null);
    const recursive = o.has("R") || o.has("r") || o.has("a");
    const noDeref = o.has("d") || o.has("P") || recursive;
    const last = o.lastOf("i", "n");
    const f: CopyFlags = {
      preserve: o.has("p") || o.has("a"),
      deref: !noDeref || o.has("L"),
      derefTop: o.has("H"),
      recursive,
      force: o.has("f") || o.has("rmdest"),
      interactive: last === "i",
      noClobber: last === "n",
      hardlink: o.has("l"),
      symlink: o.has("s"),
      update: o.has("u"),
      verbose: o.has("v"),
    };
    const s = new CopyState(ctx);
    let target = o.last("t");
    let srcs = args;
    if (target === undefined) {
      if (args.length < 2) throw new UsageError(null);
      target = args[args.length - 1];
      srcs = args.slice(0, -1);
      if (args.length === 2) {
        const sf = await cpMvStat(ctx, args[0], !!f.deref);
        if (sf < 0) return 1;
        const df = await cpMvStat(ctx, target, true);
        if (df < 0) return 1;
        if (o.has("T") && !(sf & 2) && df & 2) throw new Die(`'${target}' is a directory`);
        if (o.has("parents") && !(df & 2)) throw new Die("with --parents, the destination must be a directory");
        if (!((sf | df) & 2) || (recursive && sf & 2 && !df) || o.has("T")) {
          return (await copyFile(s, args[0], target, f)) < 0 ? 1 : 0;
        }
      } else if (o.has("T")) throw new UsageError(null);
    }
    let status = 0;
    for (const src of srcs) {
      let dest: string;
      if (o.has("parents")) {
        // --parents: TARGET/SRC, creating SRC's directories first
        dest = joinPath(target, src);
        if ((await makeDirectory(ctx, dirnameOf(dest), null, true)) < 0) return 1;
      } else dest = joinPath(target, lastComponent(src));
      if ((await copyFile(s, src, dest, f)) < 0) status = 1;
    }
    return status;
  },
});
