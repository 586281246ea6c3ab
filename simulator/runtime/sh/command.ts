/**
 * Simple commands (ash's evalcommand): expansion, redirections, assignments (kept, or
 * temporary for the command), the -x trace, then a function, a builtin, a BusyBox applet or a
 * program found in $PATH.
 */
import { APPLETS } from "../busybox";
import { SIGNALS } from "../signals";
import { BrokenPipe } from "../streams";
import type { Node } from "./ast";
import { builtinFor } from "./builtins/table";
import { DiscardError, ShellError } from "./errors";
import { EXP_FULL, EXP_TILDE, EXP_VARTILDE, expandAssignment, expandPattern, expandString, expandWord } from "./expand";
import { evalfun, mayHaveTraps } from "./interp";
import { expandRedirs, type Frame, popRedirs, redirectSafe } from "./redirect";
import { EV_EXIT, FdError, type FdEntry, type Shell } from "./shell";
import { findInPath, forkShell, shellExec, waitForeground } from "./spawn";
import { KEYWORDS } from "./builtins/table";
import { expandPromptText } from "./prompt";
import { type AssignParts, bashAssign, isBashAssign, splitAssign } from "./bashvars";
import { assignLength } from "./lexer";

/** ash's maybe_single_quote: quote only when a character needs it. */
export function maybeSingleQuote(s: string): string {
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c < 0x2b || (c >= 0x3b && c <= 0x3f) || ch === "`" || ch === "[" || ch === "\\" || c > 0x7a) return singleQuote(s);
  }
  return s;
}

/** ash's single_quote: 'it'"'"'s'. */
export function singleQuote(s: string): string {
  let out = "";
  let i = 0;
  do {
    let j = s.indexOf("'", i);
    if (j < 0) j = s.length;
    out += "'" + s.slice(i, j) + "'";
    i = j;
    if (s[i] !== "'") break;
    let k = i;
    while (s[k] === "'") k++;
    out += '"' + s.slice(i, k) + '"';
    i = k;
  } while (i < s.length);
  return out;
}

const isAssignment = (text: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*=/.test(text);

async function xtrace(sh: Shell, assigns: Array<[string, string]>, argv: string[], fd: FdEntry | null): Promise<void> {
  const ps4 = await expandPromptText(sh, sh.vars.get("PS4") ?? "", false);
  const words = [
    ...assigns.map(([k, v]) => `${k}=${maybeSingleQuote(v)}`),
    ...argv.map((a) => (KEYWORDS.has(a) ? singleQuote(a) : maybeSingleQuote(a))),
  ];
  const w = fd?.w;
  if (!w) return;
  try {
    await w.write(ps4 + words.join(" ") + "\n");
  } catch (e) {
    if (e instanceof Error && e.name === "Killed") throw e;
  }
}

export async function evalcommand(sh: Shell, cmd: Node & { t: "cmd" }, flags: number): Promise<number> {
  await sh.ctx.tick();
  sh.errlinno = sh.lineno = cmd.linno;
  sh.backExitStatus = 0;
  const argv: string[] = [];
  const args = cmd.args;
  let i = 0;
  if (sh.bash && args.length && args[0].text === "[[" && !args[0].quoted) {
    // bash's [[ ]]: no field splitting or globbing; the right side of == and != is a pattern
    for (const w of args) {
      const prev = argv[argv.length - 1];
      argv.push(prev === "==" || prev === "=" || prev === "!=" ? await expandPattern(sh, w.parts) : await expandString(sh, w.parts, false, EXP_TILDE));
    }
    i = args.length;
  }
  while (i < args.length && argv.length === 0) argv.push(...(await expandWord(sh, args[i++])));
  let spclbltin = -1;
  let vlocal = 0;
  let pseudovar = false;
  let cmdIsExec = false;
  let nofunc = false;
  let start = 0;
  let declAssigns: Map<number, AssignParts> | null = null;
  if (argv.length) {
    for (;;) {
      vlocal++;
      const name = argv[start];
      const b = !nofunc && sh.funcs.has(name) ? undefined : builtinFor(sh, name);
      if (!b) break;
      pseudovar = !!b.assign;
      if (spclbltin < 0) {
        spclbltin = b.special ? 1 : 0;
        vlocal = b.special ? 0 : 1;
      }
      cmdIsExec = b.name === "exec";
      if (b.name !== "command") break;
      // `command [-p] [--] name ...`: look the name up without functions
      while (i < args.length) argv.push(...(await expandWord(sh, args[i++])));
      let j = start + 1;
      while (argv[j] === "-p") j++;
      if (argv[j] === "--") j++;
      if (j >= argv.length || argv[j].startsWith("-")) break;
      start = j;
      nofunc = true;
    }
    for (; i < args.length; i++) {
      const w = args[i];
      if (sh.bash && pseudovar && assignLength(w.text) > 0) {
        // declare a=(x y), local m[k]=v: the builtin runs the assignment from its parts
        const a = splitAssign(w);
        if (a && isBashAssign(a)) {
          (declAssigns ??= new Map()).set(argv.length - start, a);
          argv.push(a.lhs);
          continue;
        }
      }
      argv.push(...(await expandWord(sh, w, pseudovar && isAssignment(w.text) ? EXP_VARTILDE : EXP_FULL | EXP_TILDE)));
    }
  }
  const cmdArgv = argv.slice(start);

  const frame: Frame = [];
  const temp = sh.vars.withTemp();
  let status: number;
  try {
    const list = cmd.redirs.length ? await expandRedirs(sh, cmd.redirs) : [];
    // the -x trace goes to stderr as it was before this command's redirections
    const traceFd = sh.fds[2];
    status = list.length ? await redirectSafe(sh, list, frame) : 0;
    if (status) {
      sh.status = status;
      if (spclbltin > 0) throw new ShellError(status);
      return status;
    }
    const assigned: Array<[string, string]> = [];
    for (const w of cmd.assigns) {
      if (sh.bash) {
        const a = splitAssign(w);
        if (a && isBashAssign(a)) {
          // a bad subscript ends a non-interactive bash (status 1), as an assignment error does
          if (!(await bashAssign(sh, a))) {
            sh.status = 1;
            throw new DiscardError(1);
          }
          continue;
        }
      }
      const [name, value] = await expandAssignment(sh, w);
      assigned.push([name, value]);
      if (vlocal) {
        temp.save(name);
        await sh.setVar(name, value, { export: true });
      } else await sh.setVar(name, value, { export: cmdIsExec && cmdArgv.length > 1 });
    }
    if (sh.opts.has("x")) await xtrace(sh, assigned, argv, traceFd);
    if (cmdArgv.length === 0) {
      status = sh.backExitStatus;
    } else {
      sh.declAssigns = declAssigns;
      try {
        status = await run(sh, cmdArgv, flags, spclbltin, nofunc);
      } finally {
        sh.declAssigns = null;
      }
    }
  } finally {
    if (cmdIsExec) frame.length = 0;
    else popRedirs(sh, frame);
    temp.restore();
  }
  sh.status = status;
  return status;
}

async function run(sh: Shell, argv: string[], flags: number, spclbltin: number, nofunc: boolean): Promise<number> {
  const name = argv[0];
  let path: string | null = null;
  let applet = false;
  if (name === "") {
    // execve("") fails the PATH search on a directory: ash reports EACCES with status 127
    sh.status = 127;
    await sh.msg(": Permission denied");
    return 127;
  }
  if (!name.includes("/")) {
    const fn = nofunc ? undefined : sh.funcs.get(name);
    if (fn) return evalfun(sh, fn, argv, flags);
    const b = builtinFor(sh, name);
    if (b) {
      sh.evalFlags = flags;
      return evalbltin(sh, b.fn, argv, spclbltin > 0);
    }
    if (APPLETS.has(name)) applet = true;
    else {
      path = findInPath(sh, name);
      if (path === null) {
        sh.status = 127;
        await sh.msg(sh.bash ? `${name}: command not found` : `${name}: not found`);
        return 127;
      }
    }
  } else path = name;
  if (!(flags & EV_EXIT) || mayHaveTraps(sh)) {
    const child = await forkShell(sh, (c) => shellExec(c, argv, applet, path));
    return waitForeground(sh, [child]);
  }
  return shellExec(sh, argv, applet, path);
}

/** Run a builtin with its name as commandname; errors in a regular builtin only set the status. */
export async function evalbltin(sh: Shell, fn: (sh: Shell, argv: string[]) => Promise<number>, argv: string[], special: boolean): Promise<number> {
  const saved = sh.commandname;
  sh.commandname = argv[0];
  sh.outFailed = false;
  try {
    const st = (await fn(sh, argv)) | (sh.outFailed ? 1 : 0);
    sh.status = st;
    return st;
  } catch (e) {
    if (e instanceof FdError || (e instanceof BrokenPipe && sh.ignored.has(SIGNALS.PIPE))) {
      sh.commandname = saved;
      await sh.err(`${sh.appletName}: write error: ${e instanceof FdError ? "Bad file descriptor" : "Broken pipe"}\n`);
      sh.status = 1;
      return 1;
    }
    if (e instanceof ShellError && !special) {
      sh.status = e.status;
      return e.status;
    }
    throw e;
  } finally {
    sh.commandname = saved;
  }
}
