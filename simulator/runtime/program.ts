/**
 * Programs and the context they run in. A program is an async function of its context; the
 * context is all a program may use: its argv, environment, files (through its Vfs), stdio
 * streams, and the kernel services for children, time and signals.
 */
import type { Kernel } from "./kernel";
import type { Process } from "./process";
import type { Readable, Writable } from "./streams";
import type { Vfs } from "./vfs";

export type Program = (ctx: ProcessContext) => Promise<number>;

export interface SpawnOptions {
  argv: string[];
  /** Defaults to the parent's environment. */
  env?: Record<string, string>;
  /** Defaults to the parent's working directory. */
  cwd?: string;
  /** Default to the parent's streams. The child gets its own ends (dup) and closes them at exit. */
  stdin?: Readable;
  stdout?: Writable;
  stderr?: Writable;
  /** The program to run. Omit to exec `path` (or argv[0] looked up in PATH). */
  program?: Program;
  /** Executable path for /proc/<pid>/exe and script interpreters. */
  path?: string;
}

export interface ProcessContext {
  readonly proc: Process;
  readonly kernel: Kernel;
  readonly argv: string[];
  /** The environment. The shell keeps its variables elsewhere and exports into this. */
  env: Record<string, string>;
  /** File access as this process (credentials, mounts, cwd). */
  readonly fs: Vfs;
  cwd: string;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Start a child process. Await `child.exited` for its wait status. */
  spawn(opts: SpawnOptions): Process;
  /** Start a child and wait for it: resolves with its wait status (exit code or 128+signal). */
  run(opts: SpawnOptions): Promise<number>;
  /** Sleep in simulated time. Throws Killed when a fatal signal arrives meanwhile. */
  sleep(ms: number): Promise<void>;
  /** Count one step of work: yields regularly, enforces execution limits, throws when killed. */
  tick(): Promise<void>;
  /** Simulated time, ms since the epoch. */
  now(): number;
  /** Declare how much memory the process now holds; past the cgroup limit the OOM killer fires. */
  useMemory(bytes: number): Promise<void>;
}
