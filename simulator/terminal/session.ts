/**
 * A terminal session on the simulated host: the learner's keystrokes go through a line editor
 * and a terminal device to an interactive shell; the scheduler runs in step with real time so
 * that `sleep 5` takes five seconds and Ctrl-C can cut it short.
 */
import type { Host } from "../host/host";
import type { StepBudget } from "../runtime/kernel";
import type { Process } from "../runtime/process";
import { SIGNALS } from "../runtime/signals";
import { completeLine } from "./complete";
import { LineEditor } from "./line-editor";
import type { TerminalPort, TerminalSession } from "./port";
import { Tty } from "./tty";

/** Steps one command line may take before it is stopped (a runaway loop on the host). */
export const COMMAND_STEP_BUDGET = 5_000_000;

export interface SessionClock {
  /** Wall-clock milliseconds (only to measure how long a real-time wait lasted). */
  now(): number;
  setTimeout(f: () => void, ms: number): unknown;
  clearTimeout(h: unknown): void;
}

function defaultClock(): SessionClock {
  const g = globalThis as unknown as { setTimeout(f: () => void, ms: number): unknown; clearTimeout(h: unknown): void; performance?: { now(): number } };
  return { now: () => (g.performance ? g.performance.now() : 0), setTimeout: (f, ms) => g.setTimeout(f, ms), clearTimeout: (h) => g.clearTimeout(h) };
}

/** Split terminal input into keys: escape sequences stay whole, everything else is one character. */
export function splitKeys(data: string): string[] {
  const keys: string[] = [];
  const re = /\x1b\[[0-9;]*[A-Za-z~]|\x1bO[A-Za-z]|\x1b.|[\s\S]/g;
  for (const m of data.matchAll(re)) keys.push(m[0]);
  return keys;
}

export class Session implements TerminalSession {
  private readonly tty: Tty;
  private readonly editor: LineEditor;
  private shell!: Process;
  private pendingLine: string | null = null;
  private listeners = new Set<(e: { line: string; exitCode: number }) => void>();
  private idleWaiters: Array<() => void> = [];
  private atPrompt = false;
  /** Set when a shell announced a prompt; the command is done once it then waits for input. */
  private promptStatus: number | null = null;
  private wake: (() => void) | null = null;
  private disposed = false;
  private lastLine = "";
  private budget: StepBudget = { remaining: COMMAND_STEP_BUDGET, exceeded: false };
  private unsubscribe: () => void;

  constructor(
    readonly host: Host,
    private readonly port: TerminalPort,
    private readonly clock: SessionClock = defaultClock(),
    history: string[] = [],
  ) {
    this.tty = new Tty((s) => {
      const i = s.lastIndexOf("\n");
      this.lastLine = i < 0 ? this.lastLine + s : s.slice(i + 1);
      port.write(s);
    });
    this.tty.onPrompt = (status) => {
      this.promptStatus = status;
    };
    this.tty.onReadBlocked = () => {
      if (this.promptStatus !== null) this.prompted(this.promptStatus);
      this.promptStatus = null;
    };
    this.editor = new LineEditor({ write: (s) => port.write(s) }, (line, cur) => completeLine(line, cur, this.shell.vfs, host.daemon), history);
    this.editor.onListed = () => port.write(this.lastLine);
    host.machine.tty = { in: this.tty.reader, out: this.tty.writer };
    this.unsubscribe = port.onData((d) => this.input(d));
    this.startShell();
    void this.drive();
  }

  get history(): readonly string[] {
    return this.editor.historyList;
  }

  private startShell(): void {
    this.shell = this.host.spawnShell([], { stdin: this.tty.reader, stdout: this.tty.writer, stderr: this.tty.writer });
    this.host.machine.kernel.setBudget(this.shell, this.budget);
  }

  private prompted(status: number): void {
    this.atPrompt = true;
    this.port.flush?.();
    this.budget.remaining = COMMAND_STEP_BUDGET;
    if (this.pendingLine !== null) {
      const line = this.pendingLine;
      this.pendingLine = null;
      for (const l of this.listeners) l({ line, exitCode: status });
    }
    for (const w of this.idleWaiters.splice(0)) w();
  }

  /** Run the simulation for as long as the session lives. */
  private async drive(): Promise<void> {
    const sched = this.host.machine.sched;
    while (!this.disposed) {
      try {
        await sched.runUntil(this.shell.exited, {
          realTime: (ms) => this.waitReal(ms),
          idle: () => this.waitReal(Infinity).then(() => {}),
        });
      } catch {
        /* a deadlock cannot happen with idle waiting; keep the session alive whatever happens */
      }
      if (this.disposed) return;
      if (this.budget.exceeded) {
        this.port.write(`\r\nlayerlab: the command was stopped after ${COMMAND_STEP_BUDGET.toLocaleString("en")} steps (execution limit)\r\n`);
        this.budget = { remaining: COMMAND_STEP_BUDGET, exceeded: false };
      }
      this.pendingLine = null;
      this.startShell();
    }
  }

  /** Wait up to `ms` of real time, or until input arrives; returns how long it waited. */
  private waitReal(ms: number): Promise<number> {
    const t0 = this.clock.now();
    return new Promise((resolve) => {
      let h: unknown = null;
      const done = () => {
        if (h !== null) this.clock.clearTimeout(h);
        this.wake = null;
        resolve(Math.min(ms, Math.max(0, this.clock.now() - t0)));
      };
      this.wake = done;
      if (Number.isFinite(ms)) h = this.clock.setTimeout(() => {
        h = null;
        this.wake = null;
        resolve(ms);
      }, ms);
    });
  }

  private input(data: string): void {
    for (const k of splitKeys(data)) this.key(k);
    // at the prompt the keys' echo shows at once; after Enter, the echo waits for the command's
    // output and prompt (or the port's own next flush) and reaches the screen with them
    if (this.atPrompt) this.port.flush?.();
    this.wake?.();
  }

  private key(k: string): void {
    if (k === "\r" || k === "\n") {
      const line = this.editor.accept();
      if (this.atPrompt) {
        this.pendingLine = line;
        this.atPrompt = false;
      }
      this.tty.pushLine(line);
      return;
    }
    if (k === "\x03") {
      this.editor.cancel();
      this.tty.flush();
      this.interrupt();
      return;
    }
    if (k === "\x04") {
      if (this.editor.buf === "") this.tty.pushEof();
      else this.editor.key("\x1b[3~");
      return;
    }
    if (k === "\x0c") {
      this.port.write("\x1b[H\x1b[2J" + this.lastLine + this.editor.buf);
      return;
    }
    if (!this.editor.key(k) && !k.startsWith("\x1b")) this.editor.insert(k);
  }

  /** Ctrl-C: SIGINT to every process reading this terminal (shells ignore it, as interactive shells do). */
  private interrupt(): void {
    const k = this.host.machine.kernel;
    for (const p of k.list()) if (k.stdinOf(p) === this.tty.reader) k.signal(p, SIGNALS.INT);
    if (this.atPrompt) this.port.write(this.lastLine);
  }

  typeLine(line: string): void {
    this.input(line.replace(/\n/g, " ") + "\r");
  }

  idle(): Promise<void> {
    if (this.atPrompt && this.pendingLine === null) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  onCommandDone(listener: (e: { line: string; exitCode: number }) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribe();
    this.host.machine.kernel.signal(this.shell, SIGNALS.KILL);
    this.wake?.();
  }
}
