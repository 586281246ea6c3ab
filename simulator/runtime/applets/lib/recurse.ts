/** Walking a tree the way libbb's recursive_action() does (chmod -R, chown -R, grep -r). */
import type { Stat } from "../../../fs/types";
import type { ProcessContext } from "../../program";
import { fsOnly, perror } from "./errors";
import { joinPath } from "./fileinfo";

export interface RecurseFlags {
  recurse?: boolean;
  /** Follow symlinks at every depth (-L). */
  followLinks?: boolean;
  /** Follow symlinks named on the command line (-H). */
  followTop?: boolean;
  /** Call the directory action after the contents. */
  depthFirst?: boolean;
  /** A dangling symlink is handed to the file action instead of failing. */
  danglingOk?: boolean;
  quiet?: boolean;
  /** The error of the last failed action: reported again for a directory, as errno is. */
  lastError?: unknown;
}

/** An action returns true (go on), false (failed) or "skip" (do not descend). */
export type Action = (path: string, st: Stat, depth: number) => Promise<boolean | "skip">;

export async function recursiveAction(ctx: ProcessContext, path: string, flags: RecurseFlags, fileAction: Action, dirAction: Action, depth = 0): Promise<boolean> {
  await ctx.tick();
  const follow = flags.followLinks || (depth === 0 && flags.followTop);
  let st: Stat;
  const fail = async (e: unknown) => {
    if (!flags.quiet) await perror(ctx, path, e);
    return false;
  };
  try {
    st = follow ? ctx.fs.stat(path) : ctx.fs.lstat(path);
  } catch (e) {
    const fe = fsOnly(e);
    if (flags.danglingOk && fe.code === "ENOENT") {
      try {
        return (await fileAction(path, ctx.fs.lstat(path), depth)) !== false;
      } catch {
        /* not even a link */
      }
    }
    return fail(fe);
  }
  if (st.type !== "dir") return (await fileAction(path, st, depth)) !== false;
  if (!flags.recurse) return (await dirAction(path, st, depth)) !== false;
  if (!flags.depthFirst) {
    const r = await dirAction(path, st, depth);
    if (r === false) return fail(flags.lastError);
    if (r === "skip") return true;
  }
  let names: string[];
  try {
    names = ctx.fs.readdir(path);
  } catch (e) {
    return fail(fsOnly(e));
  }
  let status = true;
  for (const n of names) {
    if (!(await recursiveAction(ctx, joinPath(path, n), flags, fileAction, dirAction, depth + 1))) status = false;
  }
  if (flags.depthFirst && !(await dirAction(path, st, depth))) return fail(flags.lastError);
  return status;
}
