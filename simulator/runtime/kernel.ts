/**
 * The simulated kernel: the process table, starting programs as processes, signals, execution
 * limits and cgroup accounting. One kernel serves the host and every container; containers are
 * processes in their own namespaces, as on Linux.
 */
import { FsError, STRERROR } from "../fs/types";
import type { Cred } from "./cred";
import { type ExecTarget, identify } from "./exec";
import type { Namespaces } from "./namespaces";
import { ExitRequest, Killed, Process } from "./process";
import type { Program, ProcessContext, SpawnOptions } from "./program";
import type { Scheduler } from "./scheduler";
import { defaultAction, SIGNALS } from "./signals";
import { BrokenPipe, type Readable, type Writable } from "./streams";
import { type DeviceHost, Vfs } from "./vfs";

/** fork() failed: the pids cgroup is full (BusyBox prints "can't fork"). */
export class ForkError extends Error {
  constructor() {
    super("Resource temporarily unavailable");
    this.name = "ForkError";
  }
}

/** A shared step budget for a foreground job: the terminal's guard against runaway scripts. */
export interface StepBudget {
  remaining: number;
  exceeded: boolean;
}

export interface NewProcess {
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  cred: Cred;
  ns: Namespaces;
  devices: DeviceHost;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  program: Program;
  containerId: string | null;
  parent: Process | null;
  budget?: StepBudget | null;
}

/**
 * Steps of work between yields, and the simulated CPU time one quantum costs. The simulated CPU
 * is slow on purpose (100,000 steps a second) so that a busy loop in a background container does
 * not take the page's real CPU with it.
 */
export const QUANTUM = 1000;
export const QUANTUM_MS = 10;

export class Kernel {
  readonly procs = new Map<number, Process>();
  private nextPid = 1;
  /** Implementations of the programs executables name (see exec.ts). */
  readonly programs = new Map<string, Program>();
  private readonly budgets = new WeakMap<Process, StepBudget>();
  /** Steps of every process together: the cadence of giving the event loop a turn (breathe). */
  private allSteps = 0;
  private readonly streams = new WeakMap<Process, { stdin: Readable; stdout: Writable; stderr: Writable }>();

  /** The machine-wide process limit (a fork bomb without a pids cgroup ends here). */
  static readonly MAX_PROCS = 4096;

  constructor(readonly sched: Scheduler) {}

  now(): number {
    return this.sched.now;
  }

  /** Start a program as a new process. Throws ForkError when the pids cgroup is full. */
  start(np: NewProcess): Process {
    if (this.procs.size >= Kernel.MAX_PROCS) throw new ForkError();
    const cg = np.ns.cgroup;
    if (cg.pidsLimit !== null && cg.pidsLimit > 0) {
      let n = 0;
      for (const p of this.procs.values()) if (p.ns.cgroup === cg) n++;
      if (n >= cg.pidsLimit) throw new ForkError();
    }
    const pid = this.nextPid++;
    const nsPid = np.ns.pid.parent === null ? pid : np.ns.pid.allocate();
    const vfs = new Vfs(np.ns.mnt, np.cred, np.cwd, () => this.sched.now, np.devices, nsPid);
    if (np.parent) vfs.umask = np.parent.vfs.umask;
    const proc = new Process(pid, nsPid, np.parent, np.argv, np.env, np.cred, np.ns, vfs, this.sched.now, np.containerId);
    this.procs.set(pid, proc);
    np.ns.pid.members.set(nsPid, proc);
    np.parent?.children.add(proc);
    const budget = np.budget ?? (np.parent ? this.budgets.get(np.parent) : undefined);
    if (budget) this.budgets.set(proc, budget);
    const stdio = { stdin: np.stdin, stdout: np.stdout, stderr: np.stderr };
    this.streams.set(proc, stdio);
    void this.runProgram(proc, np.program, stdio);
    return proc;
  }

  private async runProgram(proc: Process, program: Program, stdio: { stdin: Readable; stdout: Writable; stderr: Writable }): Promise<void> {
    const ctx = this.context(proc, stdio);
    let status: number;
    try {
      await Promise.resolve();
      status = (await proc.guard(program(ctx))) & 255;
    } catch (e) {
      if (e instanceof Killed) status = 128 + e.signal;
      else if (e instanceof ExitRequest) status = e.code & 255;
      else if (e instanceof BrokenPipe) status = 128 + SIGNALS.PIPE;
      else {
        status = 1;
        const msg = e instanceof FsError ? STRERROR[e.code] : e instanceof Error ? e.message : String(e);
        try {
          await stdio.stderr.write(`${proc.comm}: ${msg}\n`);
        } catch {
          /* stderr gone */
        }
      }
    }
    if (proc.termSignal !== null) status = 128 + proc.termSignal;
    // a job stopped at its step budget can have thousands of processes to unwind at once: each
    // exit may give the page its turn (only when slicing, so tests keep their exact order)
    if (this.sched.wallClock && ++this.allSteps % 32 === 0) await this.sched.breathe();
    stdio.stdin.close();
    stdio.stdout.close();
    stdio.stderr.close();
    this.exit(proc, status);
  }

  private exit(proc: Process, status: number): void {
    proc.finish(status);
    this.procs.delete(proc.pid);
    proc.ns.pid.members.delete(proc.nsPid);
    proc.parent?.children.delete(proc);
    // when a PID namespace's init dies, the kernel kills everything else in it
    if (proc.nsPid === 1 && proc.ns.pid.parent !== null) {
      for (const p of [...proc.ns.pid.members.values()]) p.terminate(SIGNALS.KILL);
    }
  }

  /** Deliver a signal following Linux rules (dispositions, init's immunity to default actions). */
  signal(target: Process, sig: number): void {
    if (!target.alive || sig === 0) return;
    const disp = target.disposition(sig);
    if (disp === "ignore") return;
    if (disp === "catch") {
      target.queue(sig);
      return;
    }
    if (defaultAction(sig) !== "terminate") return;
    if (target.nsPid === 1 && sig !== SIGNALS.KILL) return;
    target.terminate(sig);
  }

  /** The program an exec target runs: a registered program, or a script's interpreter. */
  programFor(vfs: Vfs, t: ExecTarget): { program: Program; argvPrefix: string[] } | "ENOENT" | "ENOEXEC" {
    if (t.kind === "program") {
      const p = this.programs.get(t.programId);
      return p ? { program: p, argvPrefix: [] } : "ENOEXEC";
    }
    const it = identify(vfs, t.interpreter);
    if (typeof it === "string" || it.kind !== "program") return "ENOENT";
    const p = this.programs.get(it.programId);
    if (!p) return "ENOEXEC";
    return { program: p, argvPrefix: t.arg ? [t.interpreter, t.arg] : [t.interpreter] };
  }

  /** The context object a program sees. */
  context(proc: Process, stdio: { stdin: Readable; stdout: Writable; stderr: Writable }): ProcessContext {
    const k = this;
    const guardedIn = (r: Readable): Readable => ({
      read: () => {
        const p = r.read();
        // if the process dies while waiting, hand the data back to the stream for others
        p.then((d) => {
          if (d && proc.termSignal !== null) r.unshift(d);
        }, () => {});
        return proc.guard(p);
      },
      unshift: (d) => r.unshift(d),
      close: () => r.close(),
      dup: () => r.dup(),
      isTTY: r.isTTY,
    });
    const guardedOut = (w: Writable): Writable => ({
      write: (d) => proc.guard(w.write(d)),
      close: () => w.close(),
      dup: () => w.dup(),
      isTTY: w.isTTY,
    });
    const ctx: ProcessContext = {
      proc,
      kernel: k,
      argv: proc.argv,
      get env() {
        return proc.env;
      },
      set env(e) {
        proc.env = e;
      },
      fs: proc.vfs,
      get cwd() {
        return proc.vfs.cwd;
      },
      set cwd(c) {
        proc.vfs.cwd = c;
      },
      stdin: guardedIn(stdio.stdin),
      stdout: guardedOut(stdio.stdout),
      stderr: guardedOut(stdio.stderr),
      spawn(opts: SpawnOptions): Process {
        return k.spawnChild(proc, ctx, opts);
      },
      run(opts: SpawnOptions): Promise<number> {
        const child = k.spawnChild(proc, ctx, opts);
        return proc.guard(child.exited);
      },
      sleep: (ms) => proc.guard(k.sched.sleep(ms)),
      tick: () => k.tick(proc),
      now: () => k.sched.now,
      useMemory: (bytes) => k.useMemory(proc, bytes),
    };
    return ctx;
  }

  private spawnChild(parent: Process, pctx: ProcessContext, opts: SpawnOptions): Process {
    let program = opts.program;
    let argv = opts.argv;
    if (!program) {
      const path = opts.path ?? argv[0];
      const t = identify(parent.vfs, path);
      if (typeof t === "string") throw new FsError(t);
      const r = this.programFor(parent.vfs, t);
      if (typeof r === "string") throw new FsError(r);
      program = r.program;
      if (r.argvPrefix.length) argv = [...r.argvPrefix, path, ...argv.slice(1)];
    }
    const stdin = (opts.stdin ?? pctx.stdin).dup();
    const stdout = (opts.stdout ?? pctx.stdout).dup();
    const stderr = (opts.stderr ?? pctx.stderr).dup();
    try {
      return this.start({ argv, env: { ...(opts.env ?? pctx.env) }, cwd: opts.cwd ?? pctx.cwd, cred: parent.cred, ns: parent.ns, devices: parent.vfs.devices, stdin, stdout, stderr, program, containerId: parent.containerId, parent });
    } catch (e) {
      // a failed fork holds no descriptors: otherwise a pipe would never see its last writer go
      stdin.close();
      stdout.close();
      stderr.close();
      throw e;
    }
  }

  async tick(proc: Process): Promise<void> {
    proc.check();
    proc.steps++;
    const b = this.budgets.get(proc);
    if (b && (b.exceeded || --b.remaining < 0)) {
      // the whole job shares one budget: once spent, every process of it stops at its next step
      b.exceeded = true;
      proc.terminate(SIGNALS.KILL);
      proc.check();
    }
    while (proc.ns.cgroup.frozen) await proc.guard(this.sched.sleep(100));
    if (proc.steps % QUANTUM === 0) await proc.guard(this.sched.sleep(QUANTUM_MS));
    // counted over all processes: a script that forks thousands of short-lived processes never
    // gets one of them to 32 steps, and must still give the page its turns
    else if (++this.allSteps % 32 === 0) await proc.guard(this.sched.breathe());
  }

  /** Memory accounting: past the cgroup's limit the OOM killer picks the largest process. */
  async useMemory(proc: Process, bytes: number): Promise<void> {
    proc.check();
    proc.memory = Math.max(0, bytes);
    const cg = proc.ns.cgroup;
    if (cg.memoryLimit === null) return;
    let total = 0;
    let victim: Process | null = null;
    for (const p of this.procs.values()) {
      if (p.ns.cgroup !== cg) continue;
      total += p.memory;
      if (!victim || p.memory > victim.memory) victim = p;
    }
    if (total > cg.memoryLimit && victim) {
      cg.oomKilled = true;
      victim.oomKilled = true;
      victim.terminate(SIGNALS.KILL);
      proc.check();
    }
  }

  /** Processes in a PID namespace's view (for ps inside a container) or all of them (host). */
  list(ns?: Namespaces["pid"]): Process[] {
    const all = [...this.procs.values()];
    if (!ns || ns.parent === null) return all.sort((a, b) => a.pid - b.pid);
    return all.filter((p) => p.ns.pid === ns).sort((a, b) => a.nsPid - b.nsPid);
  }

  /** The standard input a process was started with (to find a terminal's foreground processes). */
  stdinOf(proc: Process): Readable | undefined {
    return this.streams.get(proc)?.stdin;
  }

  setBudget(proc: Process, budget: StepBudget): void {
    this.budgets.set(proc, budget);
  }
}
