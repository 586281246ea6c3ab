/** Running another program by name, as libbb's spawn_and_wait() does for find -exec and xargs. */
import { FsError } from "../../../fs/types";
import { lookPath } from "../../exec";
import type { ProcessContext } from "../../program";

export type SpawnResult = { status: number; signal: number | null } | { error: FsError };

/** Run argv (searched in PATH) with the caller's streams and wait for it. */
export async function spawnAndWait(ctx: ProcessContext, argv: string[]): Promise<SpawnResult> {
  const path = lookPath(ctx.fs, argv[0], ctx.env.PATH);
  if (path === null) return { error: new FsError("ENOENT") };
  let child;
  try {
    child = ctx.spawn({ argv, path });
  } catch (e) {
    if (e instanceof FsError) return { error: e };
    if (e instanceof Error && e.name === "ForkError") return { error: new FsError("EAGAIN") };
    throw e;
  }
  const status = await ctx.proc.guard(child.exited);
  return { status, signal: child.termSignal };
}
