/**
 * A simulated process: its identity (pids in the host and in its PID namespace), credentials,
 * namespaces, signal dispositions, and the machinery that stops its async program when a fatal
 * signal arrives.
 */
import type { Cred } from "./cred";
import type { Namespaces } from "./namespaces";
import { SIGNALS } from "./signals";
import type { Vfs } from "./vfs";

/** Thrown through a program's awaits when its process is terminated by a signal. */
export class Killed extends Error {
  constructor(readonly signal: number) {
    super(`killed by signal ${signal}`);
    this.name = "Killed";
  }
}

/** Thrown by `exit` (and the end of exec) to leave a program with a status. */
export class ExitRequest extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
    this.name = "ExitRequest";
  }
}

export type Disposition = "default" | "ignore" | "catch";
export type ProcState = "R" | "S" | "T" | "Z";

export class Process {
  argv: string[];
  comm: string;
  state: ProcState = "R";
  exitCode: number | null = null;
  termSignal: number | null = null;
  /** Set when the memory cgroup killed this process. */
  oomKilled = false;
  readonly startTime: number;
  readonly handlers = new Map<number, Disposition>();
  readonly pending: number[] = [];
  readonly children = new Set<Process>();
  /** Bytes of memory this process holds (for cgroup accounting and `ps`/`top`). */
  memory = 0;
  /** Work done, in scheduler steps (for `ps`/`top` TIME and `docker stats`). */
  steps = 0;
  private killReject!: (e: Killed) => void;
  /** Rejects when the process is terminated by a signal. Never resolves. */
  readonly killed: Promise<never>;
  private exitResolve!: (status: number) => void;
  /** Resolves with the wait status the parent sees: the exit code, or 128+signal. */
  readonly exited: Promise<number>;
  /** Listeners woken when a caught signal becomes pending (the shell's `wait`). */
  private signalWaiters: Array<() => void> = [];

  constructor(
    readonly pid: number,
    readonly nsPid: number,
    readonly parent: Process | null,
    argv: string[],
    public env: Record<string, string>,
    public cred: Cred,
    readonly ns: Namespaces,
    readonly vfs: Vfs,
    now: number,
    /** The container this process belongs to, if any. */
    readonly containerId: string | null,
  ) {
    this.argv = argv;
    this.comm = commOf(argv);
    this.startTime = now;
    this.killed = new Promise<never>((_, rej) => (this.killReject = rej));
    this.killed.catch(() => {});
    this.exited = new Promise<number>((r) => (this.exitResolve = r));
  }

  get ppid(): number {
    return this.parent?.pid ?? 0;
  }

  get alive(): boolean {
    return this.exitCode === null;
  }

  /** Race an operation against this process's termination. */
  guard<T>(p: Promise<T>): Promise<T> {
    if (this.termSignal !== null) return Promise.reject(new Killed(this.termSignal));
    return Promise.race([p, this.killed]);
  }

  /** Throw if a fatal signal has arrived (called between steps). */
  check(): void {
    if (this.termSignal !== null) throw new Killed(this.termSignal);
  }

  /** Terminate: every pending or future await of this process throws Killed. */
  terminate(sig: number): void {
    if (!this.alive || this.termSignal !== null) return;
    this.termSignal = sig;
    this.killReject(new Killed(sig));
  }

  /** A caught signal arrived. */
  queue(sig: number): void {
    this.pending.push(sig);
    const ws = this.signalWaiters.splice(0);
    for (const w of ws) w();
  }

  /** Resolves at the next caught signal (for `wait` and `sleep` inside a trapping shell). */
  nextSignal(): Promise<void> {
    return new Promise((r) => this.signalWaiters.push(r));
  }

  /** Record the end of the program; status is the exit code or 128+signal. */
  finish(status: number): void {
    if (this.exitCode !== null) return;
    this.exitCode = status;
    this.state = "Z";
    this.exitResolve(status);
  }

  disposition(sig: number): Disposition {
    if (sig === SIGNALS.KILL || sig === SIGNALS.STOP) return "default";
    return this.handlers.get(sig) ?? "default";
  }
}

/** The kernel's comm: the basename of argv[0], at most 15 characters. */
export function commOf(argv: readonly string[]): string {
  const a0 = argv[0] ?? "";
  return a0.slice(a0.lastIndexOf("/") + 1).slice(0, 15);
}
