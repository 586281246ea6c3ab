/** mv: rename files, copying and removing across filesystems (EXDEV) like BusyBox. */
import { FsError } from "../../fs/types";
import { cpMvStat } from "./cp";
import { defineApplet, Die, UsageError } from "./lib/applet";
import { fsOnly, strerror, warn } from "./lib/errors";
import { CopyState, askYes, copyFile, lastComponent, removeFile } from "./lib/fileutils";
import { joinPath } from "./lib/fileinfo";
import { getopt } from "./lib/getopt";

defineApplet({
  name: "mv",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "finTt:v", [
      { name: "interactive", key: "i" },
      { name: "force", key: "f" },
      { name: "no-clobber", key: "n" },
      { name: "no-target-directory", key: "T" },
      { name: "target-directory", key: "t", arg: "required" },
      { name: "verbose", key: "v" },
    ]);
    const args = o.operands;
    if (args.length < 1 || (o.has("t") && o.has("T"))) throw new UsageError(null);
    const mode = o.lastOf("f", "i", "n");
    let target = o.last("t");
    let srcs = args;
    let single: string | null = null;
    let destExists = 0;
    if (target === undefined) {
      if (args.length < 2) throw new UsageError(null);
      target = args[args.length - 1];
      srcs = args.slice(0, -1);
      if (args.length === 2) {
        destExists = await cpMvStat(ctx, target, true);
        if (destExists < 0) return 1;
        if (!(destExists & 2)) single = target;
        else if (o.has("T")) {
          let isDir = true;
          try {
            isDir = ctx.fs.stat(args[0]).type === "dir";
          } catch {
            isDir = true;
          }
          if (!isDir) throw new Die(`'${target}' is a directory`);
          single = target;
        }
      } else if (o.has("T")) throw new UsageError(null);
    }
    let status = 0;
    for (const src of srcs) {
      let dest: string;
      if (single !== null) dest = single;
      else {
        dest = joinPath(target, lastComponent(src));
        destExists = await cpMvStat(ctx, dest, true);
        if (destExists < 0) {
          status = 1;
          continue;
        }
      }
      const ok = await moveOne(src, dest, destExists);
      if (!ok) status = 1;
      if (o.has("v")) await ctx.stdout.write(`'${src}' -> '${dest}'\n`);
    }
    return status;

    async function moveOne(src: string, dest: string, exists: number): Promise<boolean> {
      if (exists) {
        if (mode === "n") return true;
        if (mode !== "f" && ((!ctx.fs.access(dest, 2) && ctx.stdin.isTTY) || mode === "i")) {
          if (!(await askYes(ctx, `overwrite '${dest}'`))) return true;
        }
      }
      try {
        renameLikeLinux(src, dest);
        return true;
      } catch (e) {
        const fe = fsOnly(e);
        const srcKind = fe.code === "EXDEV" ? await cpMvStat(ctx, src, false) : 0;
        if (fe.code !== "EXDEV" || srcKind < 1) {
          await warn(ctx, `can't rename '${src}': ${strerror(fe)}`);
          return false;
        }
        if (exists) {
          if (exists === 3 && srcKind !== 3) {
            await warn(ctx, "can't overwrite directory with non-directory");
            return false;
          }
          if (exists !== 3 && srcKind === 3) {
            await warn(ctx, "can't overwrite non-directory with directory");
            return false;
          }
          try {
            ctx.fs.unlink(dest);
          } catch (e2) {
            await warn(ctx, `can't remove '${dest}': ${strerror(fsOnly(e2))}`);
            return false;
          }
        }
        const s = new CopyState(ctx);
        return (await copyFile(s, src, dest, { recursive: true, preserve: true })) >= 0 && (await removeFile(ctx, src, { recursive: true, force: true })) >= 0;
      }
    }

    /** rename(2): the Vfs renames entries; the checks rename does on types are made here. */
    function renameLikeLinux(src: string, dest: string): void {
      const a = ctx.fs.lstat(src);
      // crossing a mount fails before anything else is looked at
      const parent = (p: string) => p.replace(/\/+$/, "").replace(/[^/]*$/, "") || ".";
      if (ctx.fs.mountOf(parent(src)) !== ctx.fs.mountOf(parent(dest))) throw new FsError("EXDEV");
      let b = null;
      try {
        b = ctx.fs.lstat(dest);
      } catch {
        b = null;
      }
      // a trailing slash names a directory: renaming a file onto "x/" fails
      if (a.type !== "dir" && dest.endsWith("/")) throw new FsError("ENOTDIR");
      if (b && a.type === "dir" && b.type !== "dir") throw new FsError("ENOTDIR");
      if (b && a.type !== "dir" && b.type === "dir") throw new FsError("EISDIR");
      ctx.fs.rename(src, dest);
    }
  },
});
