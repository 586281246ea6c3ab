/** Running another program as BusyBox's BB_EXECVP_or_die does (env, su, nice...): PATH search, exit codes. */
import { FsError, STRERROR } from "../../../fs/types";
import { lookPath } from "../../exec";
import type { ProcessContext } from "../../program";
import { Fatal } from "./sys-applet";

/**
 * Run argv (looked up in PATH like execvp) with `env`, wait for it, and return its status, as
 * if this process had become it. Fails like BusyBox: "can't execute 'x': <error>", 127 when the
 * file is missing, 126 otherwise.
 */
export async function execvp(ctx: ProcessContext, argv: string[], env: Record<string, string>, opts: { path?: string } = {}): Promise<number> {
  const path = opts.path ?? lookPath(ctx.fs, argv[0], env.PATH ?? ctx.env.PATH);
  if (path === null) throw new Fatal(`can't execute '${argv[0]}': ${STRERROR.ENOENT}`, 127);
  try {
    return await ctx.run({ argv, env, path });
  } catch (e) {
    if (e instanceof FsError) throw new Fatal(`can't execute '${argv[0]}': ${STRERROR[e.code]}`, e.code === "ENOENT" ? 127 : 126);
    throw e;
  }
}
