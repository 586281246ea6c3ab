/**
 * find's expression: BusyBox parses it into OR-groups of AND-ed actions (with "!" inverting the
 * next action and "( )" as a nested expression), evaluated left to right with -prune's SKIP bit.
 */
import type { Stat } from "../../../fs/types";
import type { ProcessContext } from "../../program";
import { Die, UsageError } from "../lib/applet";
import { perror, warn } from "../lib/errors";
import { fnmatch } from "../lib/glob";
import { fullMode, parseMode } from "../lib/mode";
import { RegexError, compilePosix } from "../lib/regex";
import { spawnAndWait } from "../lib/spawn";
import { Accounts } from "../lib/users";

export const TRUE = 1;
export const SKIP = 2;

export class Quit extends Error {}

export interface Find {
  ctx: ProcessContext;
  needPrint: boolean;
  follow: boolean;
  followTop: boolean;
  depthFirst: boolean;
  xdev: boolean;
  minDepth: number;
  maxDepth: number;
  status: number;
  out: string[];
  execs: ExecAction[];
}

type Fn = (f: Find, path: string, st: Stat) => Promise<number> | number;
interface Action {
  fn: Fn;
  invert: boolean;
}
interface ExecAction {
  argv: string[];
  plus: boolean;
  list: string[];
  invert: boolean;
}
export type Groups = Action[][];

export async function flushOut(f: Find): Promise<void> {
  if (f.out.length) await f.ctx.stdout.write(f.out.splice(0).join(""));
}

export async function evalGroups(f: Find, groups: Groups, path: string, st: Stat): Promise<number> {
  let rc = 0;
  for (const g of groups) {
    rc &= ~TRUE;
    let ok = true;
    for (const a of g) {
      rc |= TRUE ^ (await a.fn(f, path, st));
      if (a.invert) rc ^= TRUE;
      if (rc & TRUE) {
        ok = false;
        break;
      }
    }
    if (ok) return rc ^ TRUE;
  }
  return rc ^ TRUE;
}

async function runExec(f: Find, ea: ExecAction, path: string | null): Promise<boolean> {
  const argv: string[] = [];
  for (const a of ea.argv) {
    if (ea.plus && a.includes("{}")) for (const p of ea.list) argv.push(a.replace("{}", p));
    else argv.push(path === null ? a : a.split("{}").join(path));
  }
  if (ea.plus) ea.list = [];
  await flushOut(f);
  const r = await spawnAndWait(f.ctx, argv);
  if ("error" in r) {
    await perror(f.ctx, argv[0], r.error);
    return false;
  }
  return r.status === 0 && r.signal === null;
}

/** Run pending "-exec ... {} +" lists; returns 1 when one of them failed. */
export async function flushExecPlus(f: Find): Promise<number> {
  for (const ea of f.execs) {
    if (!ea.plus || ea.list.length === 0) continue;
    let ok = await runExec(f, ea, null);
    if (ea.invert) ok = !ok;
    if (!ok) return 1;
  }
  return 0;
}

function baseName(path: string): string {
  // "dir/" matches -name dir; a path of only slashes is "/"
  let end = path.length;
  while (end > 1 && path[end - 1] === "/") end--;
  const s = path.slice(0, end);
  if (/^\/+$/.test(path)) return path.length > 1 ? "/" : "/";
  return s.slice(s.lastIndexOf("/") + 1);
}

const num = (s: string) => {
  if (!/^\d+$/.test(s)) throw new Die(`invalid number '${s}'`);
  return +s;
};
const sign = (s: string) => (s[0] === "+" || s[0] === "-" ? s.slice(1) : s);
const TYPES: Record<string, Stat["type"] | "blk"> = { b: "blk", c: "chardev", d: "dir", p: "fifo", f: "file", l: "symlink", s: "socket" };
const NEED_ARG = new Set(["-name", "-iname", "-path", "-wholename", "-ipath", "-regex", "-type", "-perm", "-mtime", "-atime", "-ctime", "-mmin", "-amin", "-cmin", "-newer", "-inum", "-samefile", "-user", "-group", "-size", "-context", "-links", "-mindepth", "-maxdepth"]);

function timeCmp(f: Find, st: Stat, c: string, n: number, unit: number): boolean {
  const age = Math.floor(f.ctx.now() / 1000) - Math.floor(st.mtime / 1000);
  n *= unit;
  if (c === "+") return age >= n + unit;
  if (c === "-") return age < n;
  return age >= n && age < n + unit;
}

export function parse(f: Find, args: string[]): Groups {
  const groups: Groups = [[]];
  let invert = false;
  const add = (fn: Fn) => {
    groups[groups.length - 1].push({ fn, invert });
    invert = false;
  };
  const acc = new Accounts(f.ctx.fs);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    let a1 = "";
    if (NEED_ARG.has(arg)) {
      if (i + 1 >= args.length) throw new Die(`${arg} requires an argument`);
      a1 = args[++i];
    }
    switch (arg) {
      case "-follow":
        f.follow = true;
        break;
      case "-xdev":
        f.xdev = true;
        break;
      case "-depth":
        f.depthFirst = true;
        break;
      case "-mindepth":
        f.minDepth = num(a1);
        break;
      case "-maxdepth":
        f.maxDepth = num(a1);
        break;
      case "-a":
      case "-and":
        break;
      case "-o":
      case "-or":
        groups.push([]);
        break;
      case "!":
      case "-not":
        invert = !invert;
        break;
      case "-print":
        f.needPrint = false;
        add((ff, p) => (ff.out.push(p + "\n"), TRUE));
        break;
      case "-print0":
        f.needPrint = false;
        add((ff, p) => (ff.out.push(p + "\0"), TRUE));
        break;
      case "-prune":
        add(() => SKIP + TRUE);
        break;
      case "-quit":
        add(() => {
          throw new Quit();
        });
        break;
      case "-empty":
        add(async (ff, p, st) => {
          if (st.type === "dir") {
            try {
              return ff.ctx.fs.readdir(p).length === 0 ? TRUE : 0;
            } catch (e) {
              await flushOut(ff);
              await perror(ff.ctx, p, e);
              return 0;
            }
          }
          return st.type === "file" && st.size === 0 ? TRUE : 0;
        });
        break;
      case "-executable":
        add((ff, p) => (ff.ctx.fs.access(p, 1) ? TRUE : 0));
        break;
      case "-exec": {
        f.needPrint = false;
        const argv: string[] = [];
        let plus = false;
        for (;;) {
          i++;
          if (i >= args.length) throw new Die("-exec requires an argument");
          if (args[i] === ";" || args[i] === "+") {
            plus = args[i] === "+";
            break;
          }
          argv.push(args[i]);
        }
        if (argv.length === 0) throw new Die("-exec requires an argument");
        const subst = argv.reduce((n, a) => n + a.split("{}").length - 1, 0);
        if (plus && subst !== 1) throw new Die("only one '{}' allowed for -exec +");
        const ea: ExecAction = { argv, plus, list: [], invert };
        f.execs.push(ea);
        add(async (ff, p) => {
          if (ea.plus) {
            ea.list.push(p);
            return TRUE;
          }
          return (await runExec(ff, ea, p)) ? TRUE : 0;
        });
        break;
      }
      case "(": {
        let nested = 1;
        let end = i;
        for (;;) {
          end++;
          if (end >= args.length) throw new Die("unpaired '('");
          if (args[end] === "(") nested++;
          else if (args[end] === ")" && !--nested) break;
        }
        const sub = parse(f, args.slice(i + 1, end));
        add((ff, p, st) => evalGroups(ff, sub, p, st));
        i = end;
        break;
      }
      case "-name":
      case "-iname": {
        const casefold = arg === "-iname";
        add((_ff, p) => (fnmatch(a1, baseName(p), { casefold }) ? TRUE : 0));
        break;
      }
      case "-path":
      case "-wholename":
      case "-ipath": {
        const casefold = arg === "-ipath";
        add((_ff, p) => (fnmatch(a1, p, { casefold }) ? TRUE : 0));
        break;
      }
      case "-regex": {
        let re: RegExp;
        try {
          re = compilePosix(a1, {});
        } catch (e) {
          if (e instanceof RegexError) throw new Die(`bad regex '${a1}': ${e.message}`);
          throw e;
        }
        add((_ff, p) => {
          re.lastIndex = 0;
          const m = re.exec(p);
          return m && m.index === 0 && m[0].length === p.length ? TRUE : 0;
        });
        break;
      }
      case "-type": {
        const t = TYPES[a1[0]];
        if (!t || a1.length !== 1) throw new Die(`invalid argument '${a1}' to '-type'`);
        add((_ff, _p, st) => (st.type === t ? TRUE : 0));
        break;
      }
      case "-perm": {
        const c = a1[0];
        const m = parseMode(c === "/" ? a1.slice(1) : sign(a1), 0, false, 0o022);
        if (m === null) throw new Die(`invalid mode '${c === "/" ? a1.slice(1) : sign(a1)}'`);
        add((_ff, _p, st) => {
          const mode = fullMode(st);
          if (c === "+" || c === "/") return mode & m ? TRUE : 0;
          if (c === "-") return (mode & m) === m ? TRUE : 0;
          return (mode & 0o7777) === m ? TRUE : 0;
        });
        break;
      }
      case "-mtime":
      case "-atime":
      case "-ctime":
      case "-mmin":
      case "-amin":
      case "-cmin": {
        const n = num(sign(a1));
        const unit = arg.endsWith("min") ? 60 : 86400;
        add((ff, _p, st) => (timeCmp(ff, st, a1[0], n, unit) ? TRUE : 0));
        break;
      }
      case "-newer": {
        let t: number;
        try {
          t = f.ctx.fs.stat(a1).mtime;
        } catch (e) {
          throw new Die(`can't stat '${a1}': ${(e as Error).message}`);
        }
        add((_ff, _p, st) => (Math.floor(t / 1000) < Math.floor(st.mtime / 1000) ? TRUE : 0));
        break;
      }
      case "-inum": {
        const n = num(a1);
        add((_ff, _p, st) => (st.ino === n ? TRUE : 0));
        break;
      }
      case "-samefile": {
        let ino: number;
        try {
          ino = (f.follow || f.followTop ? f.ctx.fs.stat(a1) : f.ctx.fs.lstat(a1)).ino;
        } catch (e) {
          throw new Die(`can't stat '${a1}': ${(e as Error).message}`);
        }
        add((_ff, _p, st) => (st.ino === ino ? TRUE : 0));
        break;
      }
      case "-user": {
        const uid = /^\d+$/.test(a1) ? +a1 : acc.byUserName(a1)?.uid;
        if (uid === undefined) throw new Die(`unknown user ${a1}`);
        add((_ff, _p, st) => (st.uid === uid ? TRUE : 0));
        break;
      }
      case "-group": {
        const gid = /^\d+$/.test(a1) ? +a1 : acc.gidByName(a1);
        if (gid === null || gid === undefined) throw new Die(`unknown group ${a1}`);
        add((_ff, _p, st) => (st.gid === gid ? TRUE : 0));
        break;
      }
      case "-size": {
        const m = /^(\d+)([cwbk]?)$/.exec(sign(a1));
        if (!m) throw new Die(`invalid number '${sign(a1)}'`);
        const size = +m[1] * ({ c: 1, w: 2, b: 512, k: 1024, "": 512 } as Record<string, number>)[m[2]];
        const c = a1[0];
        add((_ff, _p, st) => ((c === "+" ? st.size > size : c === "-" ? st.size < size : st.size === size) ? TRUE : 0));
        break;
      }
      case "-links": {
        const n = num(sign(a1));
        const c = a1[0];
        add((_ff, _p, st) => ((c === "-" ? st.nlink < n : c === "+" ? st.nlink > n : st.nlink === n) ? TRUE : 0));
        break;
      }
      case "-context":
        add(() => 0);
        break;
      default:
        throw new FindUsage(arg);
    }
  }
  return groups;
}

/** "find: unrecognized: ARG" followed by the usage text. */
export class FindUsage extends Error {
  constructor(readonly arg: string) {
    super(arg);
  }
}

export async function reportUsage(ctx: ProcessContext, arg: string): Promise<never> {
  await warn(ctx, `unrecognized: ${arg}`);
  throw new UsageError(null);
}

