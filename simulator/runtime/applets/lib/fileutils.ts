/**
 * Copying and removing trees the way libbb's copy_file() and remove_file() do, shared by cp,
 * mv (its cross-device fallback) and rm, with their messages word for word.
 */
import { FsError, type Stat } from "../../../fs/types";
import { readLine } from "../../streams";
import type { ProcessContext } from "../../program";
import { appletName } from "./applet";
import { fsOnly, strerror, warn } from "./errors";
import { joinPath } from "./fileinfo";
import { readAllInput } from "./io";
import { umaskOf } from "./mode";

export interface CopyFlags {
  preserve?: boolean;
  /** Follow symlinks (cp without -d/-R, or with -L). */
  deref?: boolean;
  /** Follow symlinks named on the command line only (-H). */
  derefTop?: boolean;
  recursive?: boolean;
  force?: boolean;
  interactive?: boolean;
  noClobber?: boolean;
  hardlink?: boolean;
  symlink?: boolean;
  update?: boolean;
  verbose?: boolean;
}

/** State kept across one cp invocation: copied inodes (hard links) and created directories. */
export class CopyState {
  readonly seen = new Map<number, string | null>();
  constructor(readonly ctx: ProcessContext) {}
}

/** Ask "<applet>: <question>? " on stderr and read y/n from stdin (bb_ask_y_confirmation). */
export async function askYes(ctx: ProcessContext, question: string): Promise<boolean> {
  await ctx.stderr.write(`${appletName(ctx)}: ${question}? `);
  const l = await readLine(ctx.stdin);
  return l !== null && /^[yY]/.test(l);
}

function tryStat(ctx: ProcessContext, p: string, follow: boolean): Stat | null | Error {
  try {
    return follow ? ctx.fs.stat(p) : ctx.fs.lstat(p);
  } catch (e) {
    const fe = fsOnly(e);
    return fe.code === "ENOENT" ? null : fe;
  }
}

async function askAndUnlink(s: CopyState, dest: string, f: CopyFlags, err: unknown): Promise<number> {
  const { ctx } = s;
  if (!f.force && !f.interactive) {
    await warn(ctx, `can't create '${dest}': ${strerror(err)}`);
    return -1;
  }
  if (f.interactive && !(await askYes(ctx, `overwrite '${dest}'`))) return 0;
  try {
    ctx.fs.unlink(dest);
  } catch (e) {
    const fe = fsOnly(e);
    if (fe.code === "ENOENT" && (err as { code?: string }).code === "ENOENT") {
      await warn(ctx, `can't create '${dest}': Path does not exist`);
    } else await warn(ctx, `can't create '${dest}': ${strerror(err)}`);
    return -1;
  }
  return 1;
}

async function preserve(s: CopyState, dest: string, st: Stat): Promise<void> {
  const { ctx } = s;
  let mode = st.mode;
  try {
    ctx.fs.utimes(dest, st.mtime);
  } catch {
    await warn(ctx, `can't preserve times of '${dest}'`);
  }
  try {
    ctx.fs.chown(dest, st.uid, st.gid);
  } catch (e) {
    mode &= ~0o6000;
    await warn(ctx, `can't preserve ownership of '${dest}': ${strerror(e)}`);
  }
  try {
    ctx.fs.chmod(dest, mode);
  } catch (e) {
    await warn(ctx, `can't preserve permissions of '${dest}': ${strerror(e)}`);
  }
}

/** Copy `src` to `dest`. Returns -1 on error, 0 when copied (or skipped on request). */
export async function copyFile(s: CopyState, src: string, dest: string, f: CopyFlags, top = true): Promise<number> {
  const { ctx } = s;
  await ctx.tick();
  const deref = f.deref || (top && f.derefTop);
  const sst = tryStat(ctx, src, !!deref);
  if (!(sst && !(sst instanceof Error))) {
    if (f.symlink || f.hardlink) return makeLink(s, src, dest, f);
    await warn(ctx, `can't stat '${src}': ${strerror(sst ?? new FsError("ENOENT"))}`);
    return -1;
  }
  const dstRaw = tryStat(ctx, dest, false);
  if (dstRaw instanceof Error) {
    await warn(ctx, `can't stat '${dest}': ${strerror(dstRaw)}`);
    return -1;
  }
  let dst = dstRaw;
  if (dst) {
    if (dst.ino === sst.ino && ctx.fs.mountOf(src) === ctx.fs.mountOf(dest)) {
      await warn(ctx, `'${src}' and '${dest}' are the same file`);
      return -1;
    }
    if (f.noClobber) return 0;
  }
  if (sst.type === "dir") {
    if (!f.recursive) {
      await warn(ctx, `omitting directory '${src}'`);
      return -1;
    }
    if (s.seen.has(sst.ino)) {
      await warn(ctx, `recursion detected, omitting directory '${src}'`);
      return -1;
    }
    const umask = umaskOf(ctx);
    if (dst) {
      if (dst.type !== "dir") {
        await warn(ctx, `target '${dest}' is not a directory`);
        return -1;
      }
    } else {
      const mode = (f.preserve ? sst.mode : sst.mode & ~umask) | 0o700;
      try {
        ctx.fs.mkdir(dest, mode);
        dst = ctx.fs.lstat(dest);
      } catch (e) {
        await warn(ctx, `can't create directory '${dest}': ${strerror(fsOnly(e))}`);
        return -1;
      }
    }
    s.seen.set(dst.ino, null);
    let ret = 0;
    let names: string[] = [];
    try {
      names = ctx.fs.readdir(src);
    } catch (e) {
      await warn(ctx, `can't open '${src}': ${strerror(fsOnly(e))}`);
      ret = -1;
    }
    for (const n of names) {
      if ((await copyFile(s, joinPath(src, n), joinPath(dest, n), f, false)) < 0) ret = -1;
    }
    if (!dstRaw) {
      try {
        ctx.fs.chmod(dest, sst.mode & ~umask);
      } catch (e) {
        await warn(ctx, `can't preserve permissions of '${dest}': ${strerror(e)}`);
      }
    }
    if (f.preserve) await preserve(s, dest, sst);
    if (f.verbose) await ctx.stdout.write(`'${src}' -> '${dest}'\n`);
    return ret;
  }
  if (dst && f.update && Math.floor(sst.mtime / 1000) <= Math.floor(dst.mtime / 1000)) return 0;
  if (f.symlink || f.hardlink) return makeLink(s, src, dest, f);
  if (!f.recursive || sst.type === "file") {
    if (!deref && sst.type === "symlink") return copySpecial(s, src, dest, sst, dst, f);
    if (!deref) {
      const prior = s.seen.get(sst.ino);
      if (prior) {
        try {
          ctx.fs.link(prior, dest);
        } catch (e) {
          const r = await askAndUnlink(s, dest, f, e);
          if (r <= 0) return r;
          try {
            ctx.fs.link(prior, dest);
          } catch (e2) {
            await warn(ctx, `can't create link '${dest}': ${strerror(e2)}`);
            return -1;
          }
        }
        return 0;
      }
      s.seen.set(sst.ino, dest);
    }
    let data: Uint8Array;
    try {
      const r = ctx.fs.openRead(src);
      data = await readAllInput(ctx, r);
      r.close();
    } catch (e) {
      await warn(ctx, `can't open '${src}': ${strerror(fsOnly(e))}`);
      return -1;
    }
    const mode = (sst.type === "file" ? sst.mode : 0o666) & ~umaskOf(ctx);
    try {
      // open(2) with O_CREAT refuses a name ending in "/"
      if (dest.endsWith("/") && !dst) throw new FsError("EISDIR");
      ctx.fs.writeFile(dest, data, { mode });
    } catch (e) {
      const r = await askAndUnlink(s, dest, f, fsOnly(e));
      if (r <= 0) return r;
      try {
        ctx.fs.writeFile(dest, data, { mode, exclusive: true });
      } catch (e2) {
        await warn(ctx, `can't open '${dest}': ${strerror(fsOnly(e2))}`);
        return -1;
      }
    }
    if (sst.type !== "file") return 0;
    if (f.preserve) await preserve(s, dest, sst);
    if (f.verbose) await ctx.stdout.write(`'${src}' -> '${dest}'\n`);
    return 0;
  }
  return copySpecial(s, src, dest, sst, dst, f);
}

async function makeLink(s: CopyState, src: string, dest: string, f: CopyFlags): Promise<number> {
  const { ctx } = s;
  const make = () => (f.symlink ? ctx.fs.symlink(src, dest) : ctx.fs.link(src, dest));
  try {
    make();
  } catch (e) {
    const r = await askAndUnlink(s, dest, f, fsOnly(e));
    if (r <= 0) return r;
    try {
      make();
    } catch (e2) {
      await warn(ctx, `can't create link '${dest}': ${strerror(e2)}`);
      return -1;
    }
  }
  return 0;
}

/** Symlinks and device nodes are recreated, not read. */
async function copySpecial(s: CopyState, src: string, dest: string, sst: Stat, dst: Stat | null, f: CopyFlags): Promise<number> {
  const { ctx } = s;
  if (dst) {
    const r = await askAndUnlink(s, dest, f, new FsError("EEXIST"));
    if (r <= 0) return r;
  }
  if (sst.type === "symlink") {
    const target = ctx.fs.readlink(src);
    try {
      ctx.fs.symlink(target, dest);
    } catch (e) {
      await warn(ctx, `can't create symlink '${dest}' to '${target}': ${strerror(fsOnly(e))}`);
      return -1;
    }
    if (f.preserve) {
      try {
        ctx.fs.chown(dest, sst.uid, sst.gid, false);
      } catch (e) {
        await warn(ctx, `can't preserve ownership of '${dest}': ${strerror(e)}`);
      }
    }
  } else if (sst.type === "chardev" || sst.type === "fifo") {
    try {
      ctx.fs.mknod(dest, sst.type, sst.rdev ?? "", sst.mode);
    } catch (e) {
      await warn(ctx, `can't create '${dest}': ${strerror(fsOnly(e))}`);
      return -1;
    }
    if (f.preserve) await preserve(s, dest, sst);
  } else {
    await warn(ctx, `unrecognized file '${src}' with mode ${(0o140000 | sst.mode).toString(16)}`);
    return -1;
  }
  if (f.verbose) await ctx.stdout.write(`'${src}' -> '${dest}'\n`);
  return 0;
}

export interface RemoveFlags {
  force?: boolean;
  recursive?: boolean;
  interactive?: boolean;
  verbose?: boolean;
}

/** Remove a file or tree (libbb remove_file). Returns -1 on error. */
export async function removeFile(ctx: ProcessContext, path: string, f: RemoveFlags): Promise<number> {
  await ctx.tick();
  let st: Stat;
  try {
    st = ctx.fs.lstat(path);
  } catch (e) {
    const fe = fsOnly(e);
    if (fe.code !== "ENOENT") {
      await warn(ctx, `can't stat '${path}': ${strerror(fe)}`);
      return -1;
    }
    if (!f.force) {
      await warn(ctx, `can't remove '${path}': ${strerror(fe)}`);
      return -1;
    }
    return 0;
  }
  const tty = ctx.stdin.isTTY === true;
  if (st.type === "dir") {
    if (!f.recursive) {
      await warn(ctx, `'${path}' is a directory`);
      return -1;
    }
    if ((!f.force && !ctx.fs.access(path, 2) && tty) || f.interactive) {
      if (!(await askYes(ctx, `descend into directory '${path}'`))) return 0;
    }
    let names: string[];
    try {
      names = ctx.fs.readdir(path);
    } catch {
      return -1;
    }
    let status = 0;
    for (const n of names) if ((await removeFile(ctx, joinPath(path, n), f)) < 0) status = -1;
    if (f.interactive && !(await askYes(ctx, `remove directory '${path}'`))) return status;
    if (status === 0) {
      try {
        ctx.fs.rmdir(path);
      } catch (e) {
        await warn(ctx, `can't remove '${path}': ${strerror(fsOnly(e))}`);
        return -1;
      }
      if (f.verbose) await ctx.stdout.write(`removed directory: '${path}'\n`);
    }
    return status;
  }
  if ((!f.force && !ctx.fs.access(path, 2) && st.type !== "symlink" && tty) || f.interactive) {
    if (!(await askYes(ctx, `remove '${path}'`))) return 0;
  }
  try {
    ctx.fs.unlink(path);
  } catch (e) {
    await warn(ctx, `can't remove '${path}': ${strerror(fsOnly(e))}`);
    return -1;
  }
  if (f.verbose) await ctx.stdout.write(`removed '${path}'\n`);
  return 0;
}

/** Strip trailing slashes and return the last component (bb_get_last_path_component_strip). */
export function lastComponent(p: string): string {
  const s = p.replace(/\/+$/, "");
  if (s === "") return p === "" ? "" : "/";
  return s.slice(s.lastIndexOf("/") + 1);
}

/** The argument with trailing slashes removed, as BusyBox edits argv in place. */
export function stripSlashes(p: string): string {
  const s = p.replace(/\/+$/, "");
  return s === "" && p !== "" ? "/" : s;
}
