/** break, continue, return, exit, exec, eval, and . / source. */
import { APPLETS } from "../../busybox";
import { FsError, STRERROR } from "../../../fs/types";
import { ExitRequest } from "../../process";
import { text } from "../../../util/bytes";
import { readAll } from "../../streams";
import { guardReadable } from "../redirect";
import { LoopControl, ReturnSignal } from "../errors";
import { evalString } from "../interp";
import { cmdloop } from "../loop";
import { EV_TESTED } from "../shell";
import { Source } from "../source";
import { findInPath, shellExec } from "../spawn";
import { nextopt, number } from "./util";
import { def } from "./table";

async function breakcmd(sh: Parameters<Parameters<typeof def>[1]>[0], argv: string[]): Promise<number> {
  let n = argv[1] !== undefined ? await number(sh, argv[1]) : 1;
  if (n <= 0) return sh.raise(`Illegal number: ${argv[1]}`);
  if (n > sh.loopnest) n = sh.loopnest;
  if (n > 0) {
    sh.status = 0;
    throw new LoopControl(argv[0] === "continue" ? "continue" : "break", n);
  }
  return 0;
}
def(["break", "continue"], breakcmd, { special: true });

def(
  "return",
  async (sh, argv) => {
    const status = argv[1] !== undefined ? await number(sh, argv[1]) : sh.status;
    sh.status = status & 255;
    throw new ReturnSignal();
  },
  { special: true },
);

def(
  "exit",
  async (sh, argv) => {
    const status = argv[1] !== undefined ? await number(sh, argv[1]) : sh.status;
    throw new ExitRequest(status & 255);
  },
  { special: true },
);

def(
  "exec",
  async (sh, argv) => {
    let i = 1;
    let argv0: string | null = null;
    for (; i < argv.length; i++) {
      const a = argv[i];
      if (a === "--") {
        i++;
        break;
      }
      if (!a.startsWith("-") || a === "-") break;
      if (a === "-a") argv0 = argv[++i] ?? null;
      else if (a.startsWith("-a")) argv0 = a.slice(2);
      else return sh.raise(`illegal option -${a[1]}`);
    }
    const args = argv.slice(i);
    if (args.length === 0) return 0;
    sh.interactive = false;
    const prog = args[0];
    if (argv0 !== null) args[0] = argv0;
    const applet = !prog.includes("/") && APPLETS.has(prog);
    const path = prog.includes("/") ? prog : applet ? null : findInPath(sh, prog);
    return shellExec(sh, args, applet, path);
  },
  { special: true },
);

def(
  "eval",
  async (sh, argv) => {
    if (argv.length < 2) return 0;
    return evalString(sh, argv.slice(1).join(" "), sh.evalFlags & EV_TESTED);
  },
  { special: true },
);

def(
  [".", "source"],
  async (sh, argv) => {
    const { args } = await nextopt(sh, argv, "");
    if (args.length === 0) return 2;
    const name = args[0];
    let full: string | null = name;
    if (!name.includes("/")) {
      full = findInPath(sh, name);
      if (full === null) return sh.raise(`${name}: not found`);
    }
    let data: string;
    try {
      data = text(await readAll(guardReadable(sh.proc, sh.ctx.fs.openRead(full))));
    } catch (e) {
      if (e instanceof FsError && e.code === "EISDIR") data = "";
      else return sh.raise(`can't open '${full}': ${e instanceof FsError ? STRERROR[e.code] : String(e)}`);
    }
    const saveParams = sh.params;
    if (args.length > 1) sh.params = args.slice(1);
    const saveName = sh.commandname;
    const saveLine = sh.lineno;
    sh.commandname = full;
    sh.fromFile++;
    try {
      return await cmdloop(sh, new Source(data, 1), { top: false });
    } catch (e) {
      if (e instanceof ReturnSignal) return sh.status;
      throw e;
    } finally {
      sh.fromFile--;
      sh.commandname = saveName;
      sh.lineno = saveLine;
      if (args.length > 1) sh.params = saveParams;
    }
  },
  { special: true },
);
