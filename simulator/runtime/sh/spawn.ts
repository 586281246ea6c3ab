/**
 * Child processes: forking a subshell (pipeline elements, ( ... ), &, command substitution),
 * exec'ing a program in the current process (as execve does: same pid, new argv), and
 * waiting for jobs with ash's "Killed"/"Terminated" notices.
 */
import { busyboxProgram } from "../busybox";
import { identify } from "../exec";
import { ForkError } from "../kernel";
import { commOf, ExitRequest, Killed, type Process } from "../process";
import type { ProcessContext, SpawnOptions } from "../program";
import { SIGNALS } from "../signals";
import { BrokenPipe, DISCARD, emptyInput, Pipe, readAll, type Readable, type Writable } from "../streams";
import { text } from "../../util/bytes";
import type { Node } from "./ast";
import { Interrupted, LoopControl, MAX_VALUE, OutOfMemory, ReturnSignal, ShellError } from "./errors";
import { fatal } from "./fatal";
import { cmdtext } from "./cmdtext";
import { guardReadable } from "./redirect";
import { EV_EXIT, FdError, type FdEntry, type Job, type Shell } from "./shell";

/** Hooks filled in by the interpreter (avoids an import cycle at module load). */
export const hooks: {
  evaltree: (sh: Shell, n: Node | null, flags: number) => Promise<number>;
  exitShell: (sh: Shell, status: number) => Promise<number>;
  dotrap: (sh: Shell) => Promise<void>;
} = {
  evaltree: async () => 0,
  exitShell: async (_sh, s) => s,
  dotrap: async () => {},
};

/** What a process gets for a closed stdout: writes fail with EBADF. */
const BADFD_W: Writable = {
  write: async () => {
    throw new FdError(1);
  },
  close() {},
  dup: () => BADFD_W,
};

export const STRSIGNAL: Record<number, string> = {
  1: "Hangup", 2: "Interrupt", 3: "Quit", 4: "Illegal instruction", 5: "Trace/breakpoint trap", 6: "Aborted",
  7: "Bus error", 8: "Floating point exception", 9: "Killed", 10: "User defined signal 1", 11: "Segmentation fault",
  12: "User defined signal 2", 13: "Broken pipe", 14: "Alarm clock", 15: "Terminated", 16: "Stack fault",
  17: "Child exited", 18: "Continued", 19: "Stopped (signal)", 20: "Stopped", 21: "Stopped (tty input)",
  22: "Stopped (tty output)", 23: "Urgent I/O condition", 24: "CPU time limit exceeded", 25: "File size limit exceeded",
  26: "Virtual timer expired", 27: "Profiling timer expired", 28: "Window changed", 29: "I/O possible",
  30: "Power failure", 31: "Bad system call",
};

export interface ForkIO {
  stdin?: Readable;
  stdout?: Writable;
  /** Background job: stdin from /dev/null (unless given), SIGINT and SIGQUIT ignored. */
  bg?: boolean;
}

/** Run `run` in a child process holding a copy of this shell. Raises "can't fork" on ForkError. */
export async function forkShell(sh: Shell, run: (child: Shell) => Promise<number>, io: ForkIO = {}): Promise<Process> {
  const fds = sh.fds;
  const extras: Array<FdEntry | null> = fds.map((e, i) => (i >= 3 && e ? { r: e.r?.dup() ?? null, w: e.w?.dup() ?? null } : null));
  const closed = [0, 1, 2].filter((i) => !fds[i] || (i === 0 ? !fds[i]!.r : !fds[i]!.w));
  const opts: SpawnOptions = {
    argv: [...sh.proc.argv],
    env: sh.vars.environ(),
    stdin: io.stdin ?? (io.bg && !sh.interactive ? emptyInput() : (fds[0]?.r ?? emptyInput())),
    stdout: io.stdout ?? fds[1]?.w ?? BADFD_W,
    stderr: fds[2]?.w ?? DISCARD,
    program: async (cctx: ProcessContext) => {
      const child = sh.fork(cctx);
      extras.forEach((e, i) => {
        if (e) child.fds[i] = e;
      });
      for (const i of closed) if (!(i === 0 && io.stdin) && !(i === 1 && io.stdout)) child.fds[i] = null;
      for (const sig of sh.ignored) cctx.proc.handlers.set(sig, "ignore");
      if (io.bg) {
        cctx.proc.handlers.set(SIGNALS.INT, "ignore");
        cctx.proc.handlers.set(SIGNALS.QUIT, "ignore");
      }
      try {
        return await runChild(child, run);
      } finally {
        for (const e of extras) {
          e?.r?.close();
          e?.w?.close();
        }
      }
    },
  };
  try {
    const child = sh.ctx.spawn(opts);
    // the kernel does not raise SIGCHLD; the shell's own children do it here (for `trap ... CHLD`)
    void child.exited.then(() => sh.ctx.kernel.signal(sh.proc, SIGNALS.CHLD));
    return child;
  } catch (e) {
    for (const x of extras) {
      x?.r?.close();
      x?.w?.close();
    }
    if (e instanceof ForkError) return sh.raise("can't fork: Resource temporarily unavailable");
    throw e;
  }
}

/** The top of a subshell: errors and control flow end it with a status; traps on EXIT run. */
async function runChild(child: Shell, run: (c: Shell) => Promise<number>): Promise<number> {
  let status: number;
  try {
    status = await run(child);
  } catch (e) {
    if (e instanceof ShellError) status = child.status;
    else if (e instanceof LoopControl || e instanceof ReturnSignal) status = child.status;
    else if (e instanceof ExitRequest) status = e.code;
    else status = await fatal(child, e);
  }
  return hooks.exitShell(child, status);
}

/** Wait for the processes of a job; print ash's notice for those killed by a signal. */
export async function waitProcs(sh: Shell, procs: Process[]): Promise<number[]> {
  const out: number[] = [];
  for (const p of procs) {
    const st = await sh.proc.guard(p.exited);
    out.push(st);
    const sig = p.termSignal;
    if (sig !== null && sig !== SIGNALS.INT && sig !== SIGNALS.PIPE) await sh.err((STRSIGNAL[sig] ?? `Real-time signal ${sig - 34}`) + "\n");
  }
  return out;
}

/**
 * Wait for a foreground job. An interactive shell whose job died of SIGINT (^C) abandons the
 * rest of the command line, as ash does with job control.
 */
export async function waitForeground(sh: Shell, procs: Process[]): Promise<number> {
  const st = jobStatus(sh, await waitProcs(sh, procs));
  if (sh.interactive && !sh.subshell && st === 128 + SIGNALS.INT) {
    sh.status = st;
    throw new Interrupted();
  }
  return st;
}

/** A job's status: the last process's (or with pipefail the last non-zero one). */
export function jobStatus(sh: Shell, statuses: number[]): number {
  let i = statuses.length - 1;
  if (sh.opts.has("pipefail")) while (i > 0 && statuses[i] === 0) i--;
  return statuses[i] ?? 0;
}

export function addJob(sh: Shell, procs: Process[], node: Node): Job {
  let num = 1;
  while (sh.jobs.some((j) => j.num === num)) num++;
  const job: Job = { num, procs, statuses: procs.map(() => null), waited: false, cmd: sh.interactive ? cmdtext(node) : "" };
  sh.jobs.push(job);
  for (const [i, p] of procs.entries()) void p.exited.then((s) => (job.statuses[i] = s));
  return job;
}

/** $(...): run in a child with stdout to a pipe; the output without trailing newlines. */
export async function commandSubst(sh: Shell, body: Node | null): Promise<string> {
  if (!body) return "";
  const pipe = new Pipe();
  let child: Process;
  const trapHack = body.t === "cmd" && body.args.length === 1 && body.args[0].text === "trap" && body.assigns.length === 0;
  try {
    child = await forkShell(
      sh,
      async (c) => {
        if (trapHack) c.trapsForPrint = new Map(sh.traps);
        c.opts.delete("e");
        return hooks.evaltree(c, body, EV_EXIT);
      },
      { stdout: pipe.writer },
    );
  } finally {
    pipe.writer.close();
  }
  const reader = guardReadable(sh.proc, pipe.reader);
  let data: Uint8Array;
  try {
    data = await readAll(reader, MAX_VALUE);
    if (data.length > MAX_VALUE) throw new OutOfMemory();
  } finally {
    pipe.reader.close();
  }
  const [st] = await waitProcs(sh, [child]);
  sh.backExitStatus = st;
  return text(data).replace(/\n+$/, "");
}

/** PATH search as ash's find_command does it: the first regular file (executable or not). */
export function findInPath(sh: Shell, name: string, path = sh.vars.get("PATH") ?? ""): string | null {
  for (const dir of path.split(":")) {
    const cand = (dir === "" ? "." : dir) + "/" + name;
    try {
      if (sh.ctx.fs.stat(cand).type === "file") return cand;
    } catch {
      /* next */
    }
  }
  return null;
}

/** A context for a program replacing this process (execve): new argv, env and stdio. */
function execContext(base: ProcessContext, argv: string[], stdin: Readable, stdout: Writable, stderr: Writable): ProcessContext {
  const c: ProcessContext = {
    proc: base.proc,
    kernel: base.kernel,
    argv,
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
    stdin,
    stdout,
    stderr,
    spawn: (o) => base.spawn({ ...o, stdin: o.stdin ?? c.stdin, stdout: o.stdout ?? c.stdout, stderr: o.stderr ?? c.stderr }),
    run: (o) => base.run({ ...o, stdin: o.stdin ?? c.stdin, stdout: o.stdout ?? c.stdout, stderr: o.stderr ?? c.stderr }),
    sleep: (ms) => base.sleep(ms),
    tick: () => base.tick(),
    now: () => base.now(),
    useMemory: (b) => base.useMemory(b),
  };
  return c;
}

/**
 * ash's shellexec: replace this process with `argv` (an applet, a path, or a PATH search).
 * Never returns normally: ends the process with the program's status (ExitRequest), or
 * prints "not found" / "Permission denied" and ends with 127 / 126.
 */
export async function shellExec(sh: Shell, argv: string[], applet: boolean, path: string | null): Promise<never> {
  const name = argv[0];
  const env = sh.vars.environ();
  const vfs = sh.ctx.fs;
  let program = busyboxProgram;
  let finalArgv = argv;
  if (!applet) {
    const target = path ?? findInPath(sh, name);
    let errno: string = "ENOENT";
    let ok = false;
    if (target !== null) {
      const t = identify(vfs, target);
      if (t === "ENOEXEC") {
        finalArgv = ["ash", target, ...argv.slice(1)];
        ok = true;
      } else if (typeof t === "string") errno = t;
      else {
        const r = sh.ctx.kernel.programFor(vfs, t);
        if (r === "ENOENT") errno = "ENOENT";
        else if (r === "ENOEXEC") {
          finalArgv = ["ash", target, ...argv.slice(1)];
          ok = true;
        } else {
          program = r.program;
          finalArgv = r.argvPrefix.length ? [...r.argvPrefix, target, ...argv.slice(1)] : argv;
          ok = true;
        }
      }
    }
    if (!ok) {
      const status = errno === "ENOENT" || errno === "ENOTDIR" || errno === "ELOOP" || errno === "ENAMETOOLONG" ? 127 : 126;
      const msg = status === 127 ? "not found" : errno === "EACCES" ? "Permission denied" : errno === "ENOEXEC" ? "Exec format error" : "Permission denied";
      sh.status = status;
      await sh.msg(`${name}: ${msg}`);
      throw new ExitRequest(status);
    }
  }
  // exec: caught signals return to their defaults, the EXIT trap is gone
  for (const [sig, d] of [...sh.proc.handlers]) if (d === "catch") sh.proc.handlers.delete(sig);
  sh.traps.clear();
  sh.proc.argv = finalArgv;
  sh.proc.comm = commOf(finalArgv);
  sh.ctx.env = env;
  const c = execContext(sh.ctx, finalArgv, sh.fds[0]?.r ?? emptyInput(), sh.fds[1]?.w ?? BADFD_W, sh.fds[2]?.w ?? DISCARD);
  let status: number;
  try {
    status = (await program(c)) & 255;
  } catch (e) {
    if (e instanceof ExitRequest) status = e.code & 255;
    else if (e instanceof BrokenPipe) throw new Killed(SIGNALS.PIPE);
    else if (e instanceof Killed) throw e;
    else {
      try {
        await c.stderr.write(`${sh.proc.comm}: ${e instanceof Error ? e.message : String(e)}\n`);
      } catch {
        /* stderr gone */
      }
      status = 1;
    }
  }
  sh.execDone = true;
  throw new ExitRequest(status);
}
