/** test, [ and [[ (BusyBox's test.c: the POSIX argument-count rules, then -o/-a/!/() grammar). */
import type { Stat } from "../../../fs/types";
import { matchPattern } from "../pattern";
import type { Shell } from "../shell";
import { def } from "./table";

const UNOPS = new Set(["-r", "-w", "-x", "-e", "-f", "-d", "-c", "-b", "-p", "-u", "-g", "-k", "-s", "-t", "-z", "-n", "-h", "-O", "-G", "-L", "-S"]);
const BINOPS = new Set(["=", "==", "!=", "<", ">", "=~", "-eq", "-ne", "-ge", "-gt", "-le", "-lt", "-nt", "-ot", "-ef"]);

class TestExit extends Error {
  constructor(readonly code: number) {
    super("test");
  }
}

type OpType = "UNOP" | "BINOP" | "BUNOP" | "BBINOP" | "PAREN" | "EOI" | "OPERAND";

class Tester {
  args: Array<string | undefined>;
  i = 0;
  lastType: OpType = "OPERAND";
  constructor(
    private readonly sh: Shell,
    args: string[],
    private readonly bt2: boolean,
  ) {
    this.args = [...args, undefined];
  }

  private async syntax(op: string | null | undefined, msg: string): Promise<never> {
    await this.sh.err(`${this.sh.appletName}: ${op ? op + ": " : ""}${msg}\n`);
    throw new TestExit(2);
  }

  /** Classify a word; returns its operator text or "EOI"/"OPERAND". */
  check(s: string | undefined): string {
    if (s === undefined) {
      this.lastType = "EOI";
      return "EOI";
    }
    let t: OpType = "OPERAND";
    if (UNOPS.has(s)) t = "UNOP";
    else if (BINOPS.has(s) && (s !== "=~" || this.bt2)) t = "BINOP";
    else if (s === "!") t = "BUNOP";
    else if ((s === "-a" || s === "-o") && !this.bt2) t = "BBINOP";
    else if ((s === "&&" || s === "||") && this.bt2) t = "BBINOP";
    else if (s === "(" || s === ")") t = "PAREN";
    this.lastType = t;
    if (t === "OPERAND") return "OPERAND";
    if (s === "&&") return "-a";
    if (s === "||") return "-o";
    return s;
  }

  private async getn(s: string): Promise<bigint> {
    const m = /^\s*([+-]?\d+)\s*$/.exec(s);
    if (!m) return this.syntax(s, "bad number");
    const v = BigInt(m[1]);
    if (v > 0x7fffffffffffffffn || v < -0x8000000000000000n) return this.syntax(s, "out of range");
    return v;
  }

  private stat(p: string, follow = true): Stat | null {
    try {
      return follow ? this.sh.ctx.fs.stat(p) : this.sh.ctx.fs.lstat(p);
    } catch {
      return null;
    }
  }

  async binop(): Promise<boolean> {
    const a = this.args[this.i]!;
    const op = this.check(this.args[++this.i]);
    const b = this.args[++this.i];
    if (b === undefined) return this.syntax(this.args[this.i - 1], "argument expected");
    if (op.startsWith("-") && ["-eq", "-ne", "-ge", "-gt", "-le", "-lt"].includes(op)) {
      const x = await this.getn(a);
      const y = await this.getn(b);
      return op === "-eq" ? x === y : op === "-ne" ? x !== y : op === "-ge" ? x >= y : op === "-gt" ? x > y : op === "-le" ? x <= y : x < y;
    }
    if (this.bt2 && (op === "=" || op === "==")) return matchPattern(b, a);
    if (this.bt2 && op === "!=") return !matchPattern(b, a);
    if (op === "=~") {
      try {
        return new RegExp(b).test(a);
      } catch {
        throw new TestExit(2);
      }
    }
    if (op === "=" || op === "==") return a === b;
    if (op === "!=") return a !== b;
    if (op === "<") return a < b;
    if (op === ">") return a > b;
    const s1 = this.stat(a);
    const s2 = this.stat(b);
    if (!s1 || !s2) return false;
    if (op === "-nt") return Math.floor(s1.mtime / 1000) > Math.floor(s2.mtime / 1000);
    if (op === "-ot") return Math.floor(s1.mtime / 1000) < Math.floor(s2.mtime / 1000);
    return s1.ino === s2.ino && this.sh.ctx.fs.mountOf(a) === this.sh.ctx.fs.mountOf(b);
  }

  private access(st: Stat, mode: number): boolean {
    const cred = this.sh.proc.cred;
    if (cred.uid === 0) {
      if (mode !== 1) return true;
      if (st.mode & 0o111) return true;
    }
    let m = mode;
    if (st.uid === cred.uid) m <<= 6;
    else if (st.gid === cred.gid || cred.groups.includes(st.gid)) m <<= 3;
    return (st.mode & m) !== 0;
  }

  private filstat(p: string, op: string): boolean {
    if (op === "-h" || op === "-L") return this.stat(p, false)?.type === "symlink";
    const st = this.stat(p);
    if (!st) return false;
    switch (op) {
      case "-e":
        return true;
      case "-r":
        return this.access(st, 4);
      case "-w":
        return this.access(st, 2);
      case "-x":
        return this.access(st, 1);
      case "-f":
        return st.type === "file";
      case "-d":
        return st.type === "dir";
      case "-c":
        return st.type === "chardev";
      case "-b":
        return false;
      case "-p":
        return st.type === "fifo";
      case "-S":
        return st.type === "socket";
      case "-u":
        return (st.mode & 0o4000) !== 0;
      case "-g":
        return (st.mode & 0o2000) !== 0;
      case "-k":
        return (st.mode & 0o1000) !== 0;
      case "-s":
        return st.size > 0;
      case "-O":
        return st.uid === this.sh.proc.cred.uid;
      case "-G":
        return st.gid === this.sh.proc.cred.gid;
    }
    return true;
  }

  async nexpr(n: string): Promise<boolean> {
    if (n === "!") {
      const m = this.check(this.args[++this.i]);
      if (m === "EOI") {
        this.i--;
        return true;
      }
      return !(await this.nexpr(m));
    }
    return this.primary(n);
  }

  async aexpr(n: string): Promise<boolean> {
    const res = await this.nexpr(n);
    if (this.check(this.args[++this.i]) === "-a") {
      const r2 = await this.aexpr(this.check(this.args[++this.i]));
      return r2 && res;
    }
    this.i--;
    return res;
  }

  async oexpr(n: string): Promise<boolean> {
    const res = await this.aexpr(n);
    if (this.check(this.args[++this.i]) === "-o") {
      const r2 = await this.oexpr(this.check(this.args[++this.i]));
      return r2 || res;
    }
    this.i--;
    return res;
  }

  async primary(n: string): Promise<boolean> {
    if (n === "EOI") return this.syntax(null, "argument expected");
    if (n === "(") {
      const res = await this.oexpr(this.check(this.args[++this.i]));
      if (this.check(this.args[++this.i]) !== ")") return this.syntax(null, "closing paren expected");
      return res;
    }
    const args0Type = this.lastType;
    if (this.check(this.args[this.i + 1]) !== "EOI") {
      if (this.args[this.i + 2] !== undefined && this.lastType === "BINOP") return this.binop();
    }
    if (args0Type === "UNOP") {
      if (this.args[this.i + 1] === undefined) return this.args[this.i] !== "";
      this.i++;
      const arg = this.args[this.i]!;
      if (n === "-z") return arg === "";
      if (n === "-n") return arg !== "";
      if (n === "-t") {
        const fd = Number(await this.getn(arg));
        const e = this.sh.fds[fd];
        return !!(e && (e.r?.isTTY || e.w?.isTTY));
      }
      return this.filstat(arg, n);
    }
    if (this.lastType === "BINOP") return this.binop();
    return this.args[this.i] !== "";
  }
}

/** Run test with its arguments (without the command name); returns the exit status. */
export async function runTest(sh: Shell, name: string, argv: string[]): Promise<number> {
  let args = argv;
  let bt2 = false;
  if (name === "[") {
    if (args[args.length - 1] !== "]") {
      await sh.err(`${sh.appletName}: missing ]\n`);
      return 2;
    }
    args = args.slice(0, -1);
  } else if (name === "[[") {
    if (args[args.length - 1] !== "]]") {
      await sh.err(`${sh.appletName}: missing ]]\n`);
      return 2;
    }
    args = args.slice(0, -1);
    bt2 = true;
  }
  const t = new Tester(sh, args, bt2);
  const arr: Array<string | undefined> = [...args, undefined];
  try {
    let p = 0;
    let negate = 0;
    for (;;) {
      if (arr[p] === undefined) return 1 ^ negate;
      if (arr[p + 1] === undefined) return (arr[p] === "" ? 1 : 0) ^ negate;
      if (arr[p + 2] !== undefined) {
        if (arr[p + 3] === undefined) {
          t.check(arr[p + 1]);
          if (t.lastType === "BINOP") {
            t.args = arr;
            t.i = p;
            return ((await t.binop()) ? 0 : 1) ^ negate;
          }
        } else if (arr[p + 4] === undefined && arr[p] === "(" && arr[p + 3] === ")") {
          arr[p + 3] = undefined;
          p++;
        }
      }
      if (arr[p] === "!") {
        p++;
        negate ^= 1;
        continue;
      }
      break;
    }
    t.args = arr;
    t.i = 0;
    let res = (await t.oexpr(t.check(arr[0]))) ? 0 : 1;
    if (t.args[t.i] !== undefined && t.args[++t.i] !== undefined) {
      await sh.err(`${sh.appletName}: ${t.args[t.i]}: unknown operand\n`);
      res = 2;
    }
    return res;
  } catch (e) {
    if (e instanceof TestExit) return e.code;
    throw e;
  }
}

def(["test", "[", "[["], async (sh, argv) => runTest(sh, argv[0], argv.slice(1)));
