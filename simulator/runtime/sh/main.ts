/**
 * The shell program: `sh -c 'script' [name [args]]`, `sh file [args]`, `sh -s [args]`, `sh`
 * reading commands from stdin, and the interactive loop with prompts when stdin is a terminal.
 */
import { FsError, STRERROR } from "../../fs/types";
import { ExitRequest } from "../process";
import type { ProcessContext } from "../program";
import { SIGNALS } from "../signals";
import { readAll, type Readable } from "../streams";
import { guardReadable } from "./redirect";
import { text } from "../../util/bytes";
import "./builtins/index";
import { reportJobs } from "./builtins/jobs";
import { parseOptions } from "./builtins/set";
import { LoopControl, ReturnSignal, ShellError } from "./errors";
import { fatal } from "./fatal";
import { exitShell } from "./interp";
import { cmdloop } from "./loop";
import { expandPrompt, expandPromptText } from "./prompt";
import { Shell } from "./shell";
import { Source } from "./source";
import { isName } from "./vars";
import { ShArray } from "./arrays";

function initVars(sh: Shell, ctx: ProcessContext): void {
  const v = sh.vars;
  for (const [k, val] of Object.entries(ctx.env)) if (isName(k) && k !== "IFS") v.map.set(k, { value: val, exported: true, readonly: false });
  const def = (k: string, val: string): void => {
    if (!v.map.has(k)) v.map.set(k, { value: val, exported: false, readonly: false });
  };
  v.map.set("IFS", { value: " \t\n", exported: false, readonly: false });
  def("PATH", "/sbin:/usr/sbin:/bin:/usr/bin");
  def("PS1", "\\w \\$ ");
  def("PS2", "> ");
  def("PS4", "+ ");
  v.map.set("OPTIND", { value: "1", exported: v.map.get("OPTIND")?.exported ?? false, readonly: false });
  v.map.set("PPID", { value: String(ctx.proc.parent && ctx.proc.parent.ns.pid === ctx.proc.ns.pid ? ctx.proc.parent.nsPid : 0), exported: false, readonly: false });
  def("HOSTNAME", ctx.proc.ns.uts.hostname);
  v.map.set("FUNCNAME", { value: "", exported: false, readonly: false });
  // ash lists LINENO with an empty value; reading it gives the current line
  v.map.set("LINENO", { value: "", exported: false, readonly: false });
  const lvl = parseInt(v.get("SHLVL") ?? "0", 10);
  v.map.set("SHLVL", { value: String((Number.isFinite(lvl) ? lvl : 0) + 1), exported: true, readonly: false });
  let pwd = v.get("PWD");
  if (!pwd || !pwd.startsWith("/") || !samePlace(ctx, pwd, ctx.cwd)) pwd = ctx.cwd;
  sh.curdir = pwd;
  ctx.cwd = pwd;
  v.map.set("PWD", { value: pwd, exported: true, readonly: false });
}

function samePlace(ctx: ProcessContext, a: string, b: string): boolean {
  try {
    const x = ctx.fs.stat(a);
    const y = ctx.fs.stat(b);
    return x.ino === y.ino;
  } catch {
    return false;
  }
}

/** Call the terminal's prompt(status) hook, if its stdin has one. */
function promptHook(ctx: ProcessContext): ((status: number) => void) | null {
  type WithPrompt = Readable & { prompt?: (status: number) => void };
  const direct = ctx.stdin as WithPrompt;
  if (typeof direct.prompt === "function") return (s) => direct.prompt!(s);
  // the kernel's guard wrapper hides extra methods; look at the stream it wraps
  const raw = ctx.kernel.stdinOf(ctx.proc) as WithPrompt | undefined;
  if (raw && typeof raw.prompt === "function") return (s) => raw.prompt!(s);
  return null;
}

/** The bash this dialect answers as (Debian 12's, the one the reference outputs were recorded with). */
export const BASH_VERSION = "5.2.15(1)-release";
const BASH_VERSION_TEXT = `GNU bash, version ${BASH_VERSION} (x86_64-pc-linux-gnu)
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>

This is free software; you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.
`;

/** The shell as `bash`: the same interpreter in its bash dialect. */
export function bashMain(ctx: ProcessContext): Promise<number> {
  return shMain(ctx, true);
}

export async function shMain(ctx: ProcessContext, bash = false): Promise<number> {
  const sh = new Shell(ctx);
  const argv = ctx.argv;
  const name0 = argv[0] ?? "sh";
  sh.bash = bash;
  sh.appletName = name0.slice(name0.lastIndexOf("/") + 1) || "sh";
  sh.arg0 = name0;
  sh.rootPid = ctx.proc.nsPid;
  sh.fds = [{ r: ctx.stdin, w: null }, { r: null, w: ctx.stdout }, { r: null, w: ctx.stderr }];
  initVars(sh, ctx);
  if (bash) {
    if (argv[1] === "--version") {
      await ctx.stdout.write(BASH_VERSION_TEXT);
      return 0;
    }
    const v = sh.vars;
    v.map.set("BASH", { value: name0.includes("/") ? name0 : "/usr/bin/bash", exported: false, readonly: false });
    v.map.set("BASH_VERSION", { value: BASH_VERSION, exported: false, readonly: false });
    const info = new ShArray(false);
    ["5", "2", "15", "1", "release", "x86_64-pc-linux-gnu"].forEach((x, i) => info.set(String(i), x));
    v.map.set("BASH_VERSINFO", { value: null, exported: false, readonly: true, arr: info });
  }

  let status = 0;
  try {
    // invocation options: -c -s -i -l and the set options
    let i = 1;
    let minusc = false;
    let sflag = false;
    let iflag: boolean | null = null;
    let login = name0.startsWith("-");
    while (i < argv.length) {
      const a = argv[i];
      if (a === "-") {
        // a lone "-" ends the options (and is not an operand)
        i++;
        break;
      }
      if ((a[0] !== "-" && a[0] !== "+") || a.length === 1) break;
      i++;
      if (a === "--") break;
      // --long options: only --login means something; the rest are ignored
      if (a.startsWith("--")) {
        if (a === "--login") login = true;
        continue;
      }
      const on = a[0] === "-";
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (c === "c") minusc = true;
        else if (c === "s") sflag = true;
        else if (c === "i") iflag = on;
        else if (c === "l") login = true;
        else if (c === "o") {
          if (argv[i] !== undefined) await parseOptions(sh, ["sh", a[0] + "o", argv[i++]], 1);
        } else await parseOptions(sh, ["sh", a[0] + c], 1);
      }
    }
    let rest = argv.slice(i);
    let script: string | null = null;
    let file: string | null = null;
    if (minusc) {
      if (rest.length === 0) return await sh.raise("-c requires an argument");
      script = rest[0];
      rest = rest.slice(1);
      if (rest.length) {
        sh.arg0 = rest[0];
        sh.commandname = rest[0];
        rest = rest.slice(1);
      }
    } else if (!sflag && rest.length) {
      file = rest[0];
      sh.arg0 = file;
      sh.commandname = file;
      rest = rest.slice(1);
    } else sflag = true;
    sh.params = rest;
    if (minusc) sh.opts.add("c");
    sh.minusc = minusc;
    if (sflag && !minusc) sh.opts.add("s");
    const interactive = iflag ?? (sflag && !minusc && !!ctx.stdin.isTTY);
    sh.interactive = interactive;
    if (interactive) {
      sh.opts.add("i");
      ctx.proc.handlers.set(SIGNALS.INT, "ignore");
      ctx.proc.handlers.set(SIGNALS.QUIT, "ignore");
      ctx.proc.handlers.set(SIGNALS.TERM, "ignore");
    }

    // the banner comes with becoming interactive, before any startup file
    if (interactive && !bash) {
      await sh.out("\n\nBusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) built-in shell (ash)\nEnter 'help' for a list of built-in commands.\n\n");
    }
    // login shells read /etc/profile and ~/.profile; interactive ones then $ENV
    if (login) {
      await readProfile(sh, "/etc/profile");
      if (sh.vars.get("HOME") !== undefined) await readProfile(sh, "$HOME/.profile");
    }
    if (interactive) {
      const env = sh.vars.get("ENV");
      if (env) await readProfile(sh, env);
    }
    if (script !== null) {
      status = await cmdloop(sh, new Source(script, bash ? 1 : 0), { top: true, exitLast: !sflag });
    } else if (file !== null) {
      let data: string;
      try {
        data = text(await readAll(guardReadable(ctx.proc, ctx.fs.openRead(file))));
      } catch (e) {
        if (e instanceof FsError && e.code === "EISDIR") data = "";
        else {
          sh.commandname = null;
          sh.arg0 = name0;
          return await sh.raise(`can't open '${file}': ${e instanceof FsError ? STRERROR[e.code] : String(e)}`, 2);
        }
      }
      sh.fromFile = 1;
      status = await cmdloop(sh, new Source(data, 1), { top: true });
    } else {
      status = await readStdin(sh, interactive);
    }
  } catch (e) {
    if (e instanceof ShellError) status = sh.status;
    else if (e instanceof ExitRequest) status = e.code;
    else if (e instanceof LoopControl || e instanceof ReturnSignal) status = sh.status;
    else status = await fatal(sh, e);
  }
  try {
    return await exitShell(sh, status);
  } catch (e) {
    return fatal(sh, e);
  }
}

/** Source a startup file if it exists (its name is expanded first, as ash's read_profile does). */
async function readProfile(sh: Shell, name: string): Promise<void> {
  const path = await expandPromptText(sh, name, false);
  let data: string;
  try {
    data = text(await readAll(guardReadable(sh.proc, sh.ctx.fs.openRead(path))));
  } catch {
    return;
  }
  sh.fromFile++;
  try {
    await cmdloop(sh, new Source(data, 1), { top: false, interactive: sh.interactive });
  } finally {
    sh.fromFile--;
  }
}

/** Commands from stdin: a pipe is read as it arrives; a terminal gets prompts. */
async function readStdin(sh: Shell, interactive: boolean): Promise<number> {
  const src = new Source("", 1, false);
  const stdin = sh.ctx.stdin;
  const hook = interactive ? promptHook(sh.ctx) : null;
  const decoder = new TextDecoder();
  const more = async (continuation: boolean): Promise<string | null> => {
    if (interactive) await sh.out(await expandPrompt(sh, continuation ? "PS2" : "PS1"));
    const chunk = await stdin.read();
    if (chunk === null) {
      if (interactive && !continuation) await sh.err("\n");
      return null;
    }
    return decoder.decode(chunk, { stream: true });
  };
  return cmdloop(sh, src, {
    top: true,
    more,
    interactive,
    beforeCommand: interactive
      ? async () => {
          await reportJobs(sh);
          hook?.(sh.status);
        }
      : undefined,
  });
}
