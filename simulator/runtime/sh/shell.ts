/**
 * The state of one shell process: variables, functions, positional parameters, options,
 * traps, jobs and its file descriptors, plus the message format of ash
 * ("sh: cd: line 3: can't cd to /x: ...").
 */
import type { Process } from "../process";
import type { ProcessContext } from "../program";
import type { Readable, Writable } from "../streams";
import type { Node } from "./ast";
import { ShellError } from "./errors";
import { isName, ReadonlyError, Vars } from "./vars";

export const EV_EXIT = 1;
export const EV_TESTED = 2;

/** An open file descriptor: a readable and/or writable stream. */
export interface FdEntry {
  r: Readable | null;
  w: Writable | null;
}

export interface Job {
  /** Job number for %N and `jobs` (the lowest free one). */
  num: number;
  procs: Process[];
  statuses: Array<number | null>;
  /** A `wait` collected it. */
  waited: boolean;
  /** Its command text (interactive shells keep it for `jobs` and notices). */
  cmd: string;
}

/** Option letters in ash's order (for $- and `set -o`). */
export const OPTIONS: Array<[string, string]> = [
  ["e", "errexit"], ["f", "noglob"], ["I", "ignoreeof"], ["i", ""], ["m", "monitor"], ["n", "noexec"],
  ["s", ""], ["c", ""], ["x", "xtrace"], ["v", "verbose"], ["C", "noclobber"], ["a", "allexport"],
  ["b", "notify"], ["u", "nounset"], ["E", "errtrace"], ["", "vi"], ["", "pipefail"],
];

export class Shell {
  vars = new Vars();
  funcs = new Map<string, Node & { t: "func" }>();
  aliases = new Map<string, string>();
  params: string[] = [];
  arg0 = "sh";
  /** The name BusyBox runs as ("sh" or "ash"), used by messages of applet-style builtins. */
  appletName = "sh";
  /** The builtin running (or the script name), for messages. */
  commandname: string | null = null;
  opts = new Set<string>();
  /** $? */
  status = 0;
  /** Status of the last command substitution in the current command. */
  backExitStatus = 0;
  /** $! (0: none). */
  bgPid = 0;
  jobs: Job[] = [];
  /** Trap actions by signal number; 0 is EXIT. */
  traps = new Map<number, string>();
  fds: Array<FdEntry | null> = [];
  /** $$: the pid of the top-level shell (subshells keep it). */
  rootPid = 0;
  interactive = false;
  /** Reading commands from a file (messages then carry line numbers even when interactive). */
  fromFile = 0;
  lineno = 0;
  errlinno = 0;
  loopnest = 0;
  funcnest = 0;
  /** Depth of function calls, eval, dot scripts and subshells (a runaway recursion dies as ash does). */
  depth = 0;
  trapDepth = 0;
  /** getopts state: the next argument and the position inside an option cluster (-1: none). */
  optind = 1;
  optoff = -1;
  /** This process is a subshell (pipeline element, command substitution, ( ... ), &). */
  subshell = false;
  /** Signals ignored by `trap ''` (inherited by children). */
  ignored = new Set<number>();
  umask = 0o022;
  /** The function running ($FUNCNAME). */
  funcName = "";
  /** Flags of the command running a builtin (eval passes EV_TESTED on). */
  evalFlags = 0;
  /** The logical current directory (what pwd prints). */
  curdir = "/";
  /** `$(trap)` prints the parent's traps (ash's "trap hack"). */
  trapsForPrint: Map<number, string> | null = null;
  /** The process image was replaced by exec. */
  execDone = false;

  /** The bash dialect (the shell runs as `bash`): arrays, declare, [[ ]], bash's message format. */
  bash = false;
  /** bash: declaration builtin arguments that are array assignments, by their argv index. */
  declAssigns: Map<number, import("./bashvars").AssignParts> | null = null;
  /** Running a -c string (bash names it in syntax errors: "bash: -c: line 1: ..."). */
  minusc = false;

  /** getopts is updating OPTIND itself (a user assignment resets the scan). */
  inGetopts = false;

  constructor(readonly ctx: ProcessContext) {
    this.watchVars();
  }

  private watchVars(): void {
    this.vars.onChange = (name) => {
      if (name === "OPTIND" && !this.inGetopts) {
        const n = parseInt(this.vars.get("OPTIND") ?? "", 10);
        this.optind = Number.isFinite(n) && n > 0 ? n : 1;
        this.optoff = -1;
      }
    };
  }

  get proc(): Process {
    return this.ctx.proc;
  }

  // ---- output ----

  /** Output of the shell's own builtins: a closed stdout swallows it, as ash's out1fmt does. */
  async out(s: string): Promise<void> {
    const w = this.fds[1]?.w;
    if (!s) return;
    if (!w) {
      this.outFailed = true;
      return;
    }
    try {
      await w.write(s);
    } catch (e) {
      if (!(e instanceof FdError)) throw e;
      this.outFailed = true;
    }
  }

  /** A builtin's output could not be written (its status gets 1, as ash's ferror check does). */
  outFailed = false;

  /** Output of applet-style builtins (echo, printf): a closed stdout is a write error. */
  async outBytes(b: Uint8Array): Promise<void> {
    const w = this.fds[1]?.w;
    if (!w) throw new FdError(1);
    if (b.length) await w.write(b);
  }

  async err(s: string): Promise<void> {
    const w = this.fds[2]?.w;
    if (!w) return;
    try {
      await w.write(s);
    } catch (e) {
      if (e instanceof Error && e.name === "Killed") throw e;
    }
  }

  /** ash's message format: "sh: [cmd: ][line N: ]text". */
  format(text: string): string {
    if (this.bash) {
      // bash: "name: [line N: ][builtin: ]text"; an interactive bash leaves the line out
      let b = this.arg0 + ": ";
      if (!this.interactive || this.fromFile > 0) b += `line ${this.errlinno}: `;
      if (this.commandname !== null && this.commandname !== this.arg0) b += this.commandname + ": ";
      return b + text + "\n";
    }
    let s = this.arg0 + ": ";
    if (this.commandname !== null) {
      if (this.commandname !== this.arg0) s += this.commandname + ": ";
      if (!this.interactive || this.fromFile > 0) s += `line ${this.errlinno}: `;
    }
    return s + text + "\n";
  }

  async msg(text: string): Promise<void> {
    await this.err(this.format(text));
  }

  /** Print a message and raise an error (status 2), as ash_msg_and_raise_error does. */
  async raise(text: string, status = 2): Promise<never> {
    this.status = status;
    await this.msg(text);
    throw new ShellError(status);
  }

  // ---- variables ----

  getVar(name: string): string | undefined {
    if (name === "LINENO") return String(this.lineno);
    // like LINENO, FUNCNAME is computed when read (`set` lists it as '')
    if (name === "FUNCNAME" && this.vars.lookup("FUNCNAME")?.value === "") return this.funcName;
    if (name === "RANDOM") return String(this.random());
    return this.vars.get(name);
  }

  private seed = 0;
  private random(): number {
    if (this.seed === 0) this.seed = (this.proc.pid * 2654435761 + this.ctx.now()) >>> 0 || 1;
    this.seed = (this.seed * 1103515245 + 12345) >>> 0;
    return (this.seed >>> 16) & 0x7fff;
  }

  /** Assign, reporting a readonly variable the way ash does. */
  async setVar(name: string, value: string, opts: { export?: boolean; readonly?: boolean } = {}): Promise<void> {
    if (!isName(name)) await this.raise(`${name.split("=")[0]}: bad variable name`);
    try {
      this.vars.set(name, value, opts);
    } catch (e) {
      if (e instanceof ReadonlyError) await this.raise(e.message);
      throw e;
    }
  }

  get ifs(): string {
    return this.vars.get("IFS") ?? " \t\n";
  }

  // ---- file descriptors ----

  /** A copy of this shell's state for a subshell running in `ctx` (a child process). */
  fork(ctx: ProcessContext): Shell {
    const c = new Shell(ctx);
    c.vars = this.vars.clone();
    c.watchVars();
    c.funcs = new Map(this.funcs);
    c.aliases = new Map(this.aliases);
    c.params = [...this.params];
    c.arg0 = this.arg0;
    c.appletName = this.appletName;
    c.bash = this.bash;
    c.minusc = this.minusc;
    c.commandname = this.commandname;
    c.opts = new Set(this.opts);
    c.status = this.status;
    c.bgPid = this.bgPid;
    c.rootPid = this.rootPid;
    c.interactive = false;
    c.fromFile = this.fromFile;
    c.lineno = this.lineno;
    c.errlinno = this.errlinno;
    c.loopnest = this.loopnest;
    c.funcnest = this.funcnest;
    c.funcName = this.funcName;
    c.depth = this.depth + 1;
    c.optoff = this.optoff;
    c.optind = this.optind;
    c.umask = this.umask;
    c.curdir = this.curdir;
    c.subshell = true;
    // caught signals are reset in a subshell; ignored ones stay ignored
    for (const [sig, action] of this.traps) if (action === "" && sig !== 0) c.traps.set(sig, "");
    c.ignored = new Set(this.ignored);
    c.fds = [{ r: ctx.stdin, w: null }, { r: null, w: ctx.stdout }, { r: null, w: ctx.stderr }];
    return c;
  }
}

/** Writing to or reading from a closed descriptor. */
export class FdError extends Error {
  constructor(readonly fd: number) {
    super("Bad file descriptor");
    this.name = "FdError";
  }
}
