/**
 * execve for the image models' programs (gosu, entrypoints, yarn, npm): replace the calling
 * process with another program, keeping its PID, as the shell's `exec` does. The process takes
 * the new argv (ps shows it); caught signals return to their defaults.
 */
import { FsError, STRERROR } from "../../fs/types";
import { identify, lookPath } from "../../runtime/exec";
import { commOf } from "../../runtime/process";
import type { ProcessContext } from "../../runtime/program";

export class ExecError extends Error {
  constructor(
    readonly errno: string,
    readonly path: string,
  ) {
    super(`${path}: ${STRERROR[errno as keyof typeof STRERROR] ?? errno}`);
  }
}

/** Become `argv` (looked up in PATH); resolves with its exit status. Throws ExecError when it cannot be run. */
export async function execReplace(ctx: ProcessContext, argv: string[], env: Record<string, string> = ctx.env): Promise<number> {
  const path = lookPath(ctx.fs, argv[0], env.PATH);
  if (path === null) throw new ExecError("ENOENT", argv[0]);
  const t = identify(ctx.fs, path);
  if (typeof t === "string") throw new ExecError(t, path);
  const r = ctx.kernel.programFor(ctx.fs, t);
  if (typeof r === "string") throw new ExecError(r, path);
  const finalArgv = r.argvPrefix.length ? [...r.argvPrefix, path, ...argv.slice(1)] : argv;
  for (const [sig, d] of [...ctx.proc.handlers]) if (d === "catch") ctx.proc.handlers.delete(sig);
  ctx.proc.argv = finalArgv;
  ctx.proc.comm = commOf(finalArgv);
  ctx.env = env;
  const c: ProcessContext = { ...ctxMethods(ctx), argv: finalArgv };
  return r.program(c);
}

/** A copy of a context whose argv can differ (env and cwd stay the process's own). */
function ctxMethods(base: ProcessContext): ProcessContext {
  return {
    proc: base.proc,
    kernel: base.kernel,
    argv: base.argv,
    get env() {
      return base.env;
    },
    set env(e) {
      base.env = e;
    },
    fs: base.fs,
    get cwd() {
      return base.cwd;
    },
    set cwd(v) {
      base.cwd = v;
    },
    stdin: base.stdin,
    stdout: base.stdout,
    stderr: base.stderr,
    spawn: (o) => base.spawn(o),
    run: (o) => base.run(o),
    sleep: (ms) => base.sleep(ms),
    tick: () => base.tick(),
    now: () => base.now(),
    useMemory: (b) => base.useMemory(b),
  };
}

export function isFsError(e: unknown): e is FsError {
  return e instanceof FsError;
}
