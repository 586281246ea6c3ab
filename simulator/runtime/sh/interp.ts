/**
 * Evaluation of the syntax tree, following ash's evaltree: lists, && ||, !, if, loops, for,
 * case, subshells, background jobs, pipelines, compound redirections; set -e checks; traps
 * between commands.
 */
import { ExitRequest } from "../process";
import { Pipe, type Readable } from "../streams";
import type { Node } from "./ast";
import { evalcommand } from "./command";
import { DepthExceeded, LoopControl, ParseError, ReturnSignal, ShellError } from "./errors";
import { EXP_FULL, EXP_TILDE, expandPattern, expandString, expandWords } from "./expand";
import { Parser } from "./parser";
import { matchPattern } from "./pattern";
import { applyRedirs, expandRedirs, type Frame, popRedirs, redirectSafe } from "./redirect";
import { EV_EXIT, EV_TESTED, type Shell } from "./shell";
import { Source } from "./source";
import { addJob, forkShell, hooks, waitForeground } from "./spawn";

/** Function calls, evals and dot scripts nested deeper than this end the shell with SIGSEGV. */
export const MAX_DEPTH = 10_000;

export async function evaltree(sh: Shell, n: Node | null, flags: number): Promise<number> {
  if (sh.opts.has("n") || n === null) {
    if (flags & EV_EXIT) throw new ExitRequest(sh.status);
    return sh.status;
  }
  if (sh.proc.pending.length) await dotrap(sh);
  let checkexit = false;
  let status = 0;
  let set = true;
  switch (n.t) {
    case "not":
      status = (await evaltree(sh, n.body, EV_TESTED)) ? 0 : 1;
      break;
    case "redir": {
      sh.errlinno = sh.lineno = n.linno;
      const list = await expandRedirs(sh, n.redirs);
      const frame: Frame = [];
      status = await redirectSafe(sh, list, frame);
      try {
        if (!status) status = await evaltree(sh, n.body, flags & EV_TESTED);
      } finally {
        popRedirs(sh, frame);
      }
      break;
    }
    case "cmd":
      status = await evalcommand(sh, n, flags);
      checkexit = !(flags & EV_TESTED);
      break;
    case "for":
      status = await evalfor(sh, n, flags);
      break;
    case "while":
    case "until":
      status = await evalloop(sh, n, flags);
      break;
    case "subshell":
    case "bg":
      status = await evalsubshell(sh, n, flags);
      checkexit = !(flags & EV_TESTED);
      break;
    case "pipe":
      status = await evalpipe(sh, n, flags);
      checkexit = !(flags & EV_TESTED);
      break;
    case "case":
      status = await evalcase(sh, n, flags);
      break;
    case "and":
    case "or":
    case "semi": {
      status = await evaltree(sh, n.a, n.t === "semi" ? flags & EV_TESTED : EV_TESTED);
      if (n.t === "and" ? status !== 0 : n.t === "or" ? status === 0 : false) {
        set = false;
        break;
      }
      status = await evaltree(sh, n.b, flags);
      break;
    }
    case "if": {
      status = await evaltree(sh, n.test, EV_TESTED);
      if (!status) status = await evaltree(sh, n.then, flags);
      else if (n.else) status = await evaltree(sh, n.else, flags);
      else status = 0;
      break;
    }
    case "func":
      sh.funcs.set(n.name, n);
      status = 0;
      break;
  }
  if (set) sh.status = status;
  if (sh.proc.pending.length) await dotrap(sh);
  if (checkexit && status && sh.opts.has("e")) throw new ExitRequest(sh.status);
  if (flags & EV_EXIT) throw new ExitRequest(sh.status);
  return sh.status;
}

/** Handle break/continue arriving at a loop: true to leave the loop. */
function loopControl(e: LoopControl): "break" | "continue" {
  e.count--;
  if (e.count > 0) throw e;
  return e.kind;
}

async function evalloop(sh: Shell, n: Node & { t: "while" | "until" }, flags: number): Promise<number> {
  sh.loopnest++;
  let status = 0;
  flags &= EV_TESTED;
  try {
    for (;;) {
      await sh.ctx.tick();
      let i: number;
      try {
        i = await evaltree(sh, n.test, EV_TESTED);
      } catch (e) {
        if (!(e instanceof LoopControl)) throw e;
        if (loopControl(e) === "break") break;
        continue;
      }
      if (n.t === "until" ? i === 0 : i !== 0) break;
      try {
        status = await evaltree(sh, n.body, flags);
      } catch (e) {
        if (!(e instanceof LoopControl)) throw e;
        status = sh.status;
        if (loopControl(e) === "break") break;
      }
    }
  } finally {
    sh.loopnest--;
  }
  return status;
}

async function evalfor(sh: Shell, n: Node & { t: "for" }, flags: number): Promise<number> {
  sh.errlinno = sh.lineno = n.linno;
  const items = n.words ? await expandWords(sh, n.words, EXP_FULL | EXP_TILDE) : [...sh.params];
  let status = 0;
  sh.loopnest++;
  flags &= EV_TESTED;
  try {
    for (const item of items) {
      await sh.ctx.tick();
      await sh.setVar(n.name, item);
      try {
        status = await evaltree(sh, n.body, flags);
      } catch (e) {
        if (!(e instanceof LoopControl)) throw e;
        status = sh.status;
        if (loopControl(e) === "break") break;
      }
    }
  } finally {
    sh.loopnest--;
  }
  return status;
}

async function evalcase(sh: Shell, n: Node & { t: "case" }, flags: number): Promise<number> {
  sh.errlinno = sh.lineno = n.linno;
  const word = await expandString(sh, n.word.parts, false, EXP_TILDE);
  for (const item of n.items) {
    for (const p of item.patterns) {
      if (matchPattern(await expandPattern(sh, p.parts), word)) {
        return item.body ? evaltree(sh, item.body, flags) : 0;
      }
    }
  }
  return 0;
}

export function mayHaveTraps(sh: Shell): boolean {
  for (const a of sh.traps.values()) if (a !== "") return true;
  return false;
}

async function evalsubshell(sh: Shell, n: Node & { t: "subshell" | "bg" }, flags: number): Promise<number> {
  sh.errlinno = sh.lineno = n.linno;
  const bg = n.t === "bg";
  const list = await expandRedirs(sh, n.redirs);
  if (!bg && flags & EV_EXIT && !mayHaveTraps(sh)) {
    await applyRedirs(sh, list, null);
    return evaltree(sh, n.body, flags);
  }
  let cflags = flags | EV_EXIT;
  if (bg) cflags &= ~EV_TESTED;
  const child = await forkShell(
    sh,
    async (c) => {
      await applyRedirs(c, list, null);
      return evaltree(c, n.body, cflags);
    },
    { bg },
  );
  if (bg) {
    addJob(sh, [child], n);
    sh.bgPid = child.nsPid;
    return 0;
  }
  return waitForeground(sh, [child]);
}

async function evalpipe(sh: Shell, n: Node & { t: "pipe" }, flags: number): Promise<number> {
  flags |= EV_EXIT;
  const procs = [];
  let prev: Readable | null = null;
  try {
    for (let i = 0; i < n.cmds.length; i++) {
      const pipe = i < n.cmds.length - 1 ? new Pipe() : null;
      const cmd = n.cmds[i];
      try {
        procs.push(await forkShell(sh, (c) => evaltree(c, cmd, flags), { stdin: prev ?? undefined, stdout: pipe?.writer, bg: n.bg }));
      } catch (e) {
        pipe?.reader.close();
        throw e;
      } finally {
        prev?.close();
        pipe?.writer.close();
      }
      prev = pipe?.reader ?? null;
    }
  } finally {
    prev?.close();
  }
  if (n.bg) {
    addJob(sh, procs, n);
    sh.bgPid = procs[procs.length - 1].nsPid;
    return 0;
  }
  return waitForeground(sh, procs);
}

/** Print a syntax error the way ash does and raise it (status 2). */
export async function syntaxError(sh: Shell, e: ParseError): Promise<never> {
  sh.errlinno = e.linno;
  if (sh.bash) {
    // bash: "name: [-c: ]line N: syntax error near unexpected token `x'" and the line itself
    const pre = `${sh.arg0}: ${sh.minusc && sh.fromFile === 0 ? "-c: " : ""}line ${e.linno}: `;
    sh.status = 2;
    if (e.token === undefined) await sh.err(pre + "syntax error: unexpected end of file\n");
    else await sh.err(`${pre}syntax error near unexpected token \`${e.token}'\n${pre}\`${e.lineText ?? ""}'\n`);
    throw new ShellError(2);
  }
  return sh.raise(e.message);
}

/** The text of line `linno` of a source whose text at `start` is on line `startLine` (for bash's syntax errors). */
export function lineOf(buf: string, start: number, startLine: number, linno: number): string {
  let i = buf.lastIndexOf("\n", start - 1) + 1;
  for (let l = startLine; l < linno; l++) {
    const j = buf.indexOf("\n", i);
    if (j < 0) break;
    i = j + 1;
  }
  const end = buf.indexOf("\n", i);
  return buf.slice(i, end < 0 ? buf.length : end);
}

/** Parse and run a string (eval, traps, dot scripts via text). */
export async function evalString(sh: Shell, s: string, flags: number, linno = sh.lineno): Promise<number> {
  if (++sh.depth > MAX_DEPTH) throw new DepthExceeded();
  try {
    const src = new Source(s, linno);
    let status = 0;
    for (;;) {
      const p = new Parser(src, (a) => sh.aliases.get(a) ?? null, () => sh.lineno, sh.bash);
      let n: Node | null | "eof";
      const start = src.pos;
      const startLine = src.linno;
      try {
        n = p.parseCommand();
      } catch (e) {
        if (e instanceof ParseError) {
          e.lineText ??= lineOf(src.buf, start, startLine, e.linno);
          return syntaxError(sh, e);
        }
        throw e;
      }
      if (n === "eof") break;
      const i = await evaltree(sh, n, flags & ~(p.atEof() ? 0 : EV_EXIT));
      if (n) status = i;
      if (p.atEof()) break;
    }
    return status;
  } finally {
    sh.depth--;
  }
}

/** Run the actions of trapped signals that have arrived. */
export async function dotrap(sh: Shell): Promise<void> {
  const pend = sh.proc.pending;
  if (pend.length === 0) return;
  const saved = sh.status;
  while (pend.length) {
    const sig = pend.shift()!;
    const action = sh.traps.get(sig);
    if (!action) continue;
    sh.trapDepth++;
    try {
      await evalString(sh, action, 0);
    } finally {
      sh.trapDepth--;
    }
    sh.status = saved;
  }
}

/** The end of a shell: the EXIT trap runs; returns the exit status. */
export async function exitShell(sh: Shell, status: number): Promise<number> {
  const action = sh.traps.get(0);
  let final = status;
  if (action) {
    sh.traps.delete(0);
    sh.status = final;
    try {
      await evalString(sh, action, 0);
    } catch (e) {
      if (e instanceof ExitRequest) final = e.code;
      else if (!(e instanceof ShellError || e instanceof LoopControl || e instanceof ReturnSignal)) throw e;
    }
  }
  return final & 255;
}

/** Call a function: positional parameters and locals are its own. */
export async function evalfun(sh: Shell, fn: Node & { t: "func" }, argv: string[], flags: number): Promise<number> {
  if (++sh.depth > MAX_DEPTH) throw new DepthExceeded();
  const saveParams = sh.params;
  const saveFuncname = sh.funcName;
  const saveOptoff = sh.optoff;
  const saveOptind = sh.optind;
  sh.params = argv.slice(1);
  sh.funcnest++;
  sh.optoff = -1;
  sh.optind = 1;
  sh.vars.pushScope();
  try {
    sh.funcName = fn.name;
    await evaltree(sh, fn.body, flags & EV_TESTED);
  } catch (e) {
    if (!(e instanceof ReturnSignal)) throw e;
  } finally {
    sh.vars.popScope();
    sh.funcName = saveFuncname;
    sh.params = saveParams;
    sh.optoff = saveOptoff;
    sh.optind = saveOptind;
    sh.funcnest--;
    sh.depth--;
  }
  return sh.status;
}

hooks.evaltree = evaltree;
hooks.exitShell = exitShell;
hooks.dotrap = dotrap;
