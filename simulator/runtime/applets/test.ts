/**
 * test, [ and [[: evaluate conditional expressions with BusyBox's parser (POSIX special cases
 * for 1-4 arguments, then -o / -a / ! / ( ) precedence); exit 0 true, 1 false, 2 error.
 */
import type { Stat } from "../../fs/types";
import type { ProcessContext } from "../program";
import { appletName, defineApplet } from "./lib/applet";
import { warn } from "./lib/errors";
import { fnmatch } from "./lib/glob";
import { compilePosix } from "./lib/regex";

type Kind = "UNOP" | "BINOP" | "BUNOP" | "BBINOP" | "PAREN";
const OPS: Record<string, Kind> = {
  "-r": "UNOP", "-w": "UNOP", "-x": "UNOP", "-e": "UNOP", "-f": "UNOP", "-d": "UNOP", "-c": "UNOP", "-b": "UNOP",
  "-p": "UNOP", "-u": "UNOP", "-g": "UNOP", "-k": "UNOP", "-s": "UNOP", "-t": "UNOP", "-z": "UNOP", "-n": "UNOP",
  "-h": "UNOP", "-O": "UNOP", "-G": "UNOP", "-L": "UNOP", "-S": "UNOP",
  "=": "BINOP", "==": "BINOP", "!=": "BINOP", "<": "BINOP", ">": "BINOP", "=~": "BINOP",
  "-eq": "BINOP", "-ne": "BINOP", "-ge": "BINOP", "-gt": "BINOP", "-le": "BINOP", "-lt": "BINOP",
  "-nt": "BINOP", "-ot": "BINOP", "-ef": "BINOP",
  "!": "BUNOP", "-a": "BBINOP", "-o": "BBINOP", "&&": "BBINOP", "||": "BBINOP", "(": "PAREN", ")": "PAREN",
};

class Syntax extends Error {}

class Test {
  private i = 0;
  constructor(
    private readonly ctx: ProcessContext,
    private readonly args: string[],
    private readonly bash2: boolean,
  ) {}

  /** The operator at args[k] (honouring which of -a/&& each syntax accepts), or null for an operand. */
  op(k: number): string | null {
    const s = this.args[k];
    if (s === undefined) return "EOI";
    if (!(s in OPS)) return null;
    if (s === "=~" && !this.bash2) return null;
    if ((s === "-a" || s === "-o" || s === "&&" || s === "||") && this.bash2 === s.startsWith("-")) return null;
    return s;
  }
  kind(k: number): Kind | null {
    const o = this.op(k);
    return o && o !== "EOI" ? OPS[o] : null;
  }

  async syntax(op: string | null, msg: string): Promise<never> {
    await warn(this.ctx, op ? `${op}: ${msg}` : msg);
    throw new Syntax();
  }

  async getn(s: string): Promise<bigint> {
    const m = /^[ \t\n\v\f\r]*([+-]?\d+)[ \t\n\v\f\r]*$/.exec(s);
    if (!m) return this.syntax(s, "bad number");
    const v = BigInt(m[1]);
    if (v > 0x7fffffffffffffffn || v < -0x8000000000000000n) return this.syntax(s, "out of range");
    return v;
  }

  stat(p: string, follow = true): Stat | null {
    try {
      return follow ? this.ctx.fs.stat(p) : this.ctx.fs.lstat(p);
    } catch {
      return null;
    }
  }

  async binop(): Promise<boolean> {
    const a = this.args[this.i];
    const op = this.args[++this.i];
    const b = this.args[++this.i];
    if (b === undefined) return this.syntax(op, "argument expected");
    switch (op) {
      case "-eq": return (await this.getn(a)) === (await this.getn(b));
      case "-ne": return (await this.getn(a)) !== (await this.getn(b));
      case "-ge": return (await this.getn(a)) >= (await this.getn(b));
      case "-gt": return (await this.getn(a)) > (await this.getn(b));
      case "-le": return (await this.getn(a)) <= (await this.getn(b));
      case "-lt": return (await this.getn(a)) < (await this.getn(b));
    }
    if (this.bash2 && (op === "=" || op === "==")) return fnmatch(b, a);
    if (this.bash2 && op === "!=") return !fnmatch(b, a);
    if (op === "=~") {
      try {
        return compilePosix(b, { extended: true }).test(a);
      } catch {
        throw new Syntax();
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
    return s1.ino === s2.ino && this.ctx.fs.mountOf(a) === this.ctx.fs.mountOf(b);
  }

  filstat(p: string, op: string): boolean {
    if (op === "-h" || op === "-L") return this.stat(p, false)?.type === "symlink";
    const st = this.stat(p);
    if (!st) return false;
    const cred = this.ctx.fs.cred;
    switch (op) {
      case "-e": return true;
      case "-r": case "-w": case "-x": {
        const want = op === "-r" ? 4 : op === "-w" ? 2 : 1;
        if (cred.uid === 0) return want !== 1 || (st.mode & 0o111) !== 0;
        let bits = st.mode & 7;
        if (st.uid === cred.uid) bits = (st.mode >> 6) & 7;
        else if (st.gid === cred.gid || cred.groups.includes(st.gid)) bits = (st.mode >> 3) & 7;
        return (bits & want) !== 0;
      }
      case "-f": return st.type === "file";
      case "-d": return st.type === "dir";
      case "-c": return st.type === "chardev";
      case "-b": return false;
      case "-p": return st.type === "fifo";
      case "-S": return st.type === "socket";
      case "-u": return (st.mode & 0o4000) !== 0;
      case "-g": return (st.mode & 0o2000) !== 0;
      case "-k": return (st.mode & 0o1000) !== 0;
      case "-s": return st.size > 0;
      case "-O": return st.uid === cred.uid;
      case "-G": return st.gid === cred.gid;
    }
    return true;
  }

  async primary(): Promise<boolean> {
    const n = this.op(this.i);
    if (n === "EOI") return this.syntax(null, "argument expected");
    if (n === "(") {
      this.i++;
      const r = await this.oexpr();
      if (this.op(++this.i) !== ")") return this.syntax(null, "closing paren expected");
      return r;
    }
    const k0 = n ? OPS[n] : null;
    if (this.op(this.i + 1) !== "EOI" && this.args[this.i + 2] !== undefined && this.kind(this.i + 1) === "BINOP") return this.binop();
    if (k0 === "UNOP") {
      if (this.args[this.i + 1] === undefined) return this.args[this.i] !== "";
      const arg = this.args[++this.i];
      if (n === "-z") return arg === "";
      if (n === "-n") return arg !== "";
      if (n === "-t") {
        const fd = await this.getn(arg);
        const s = fd === 0n ? this.ctx.stdin : fd === 1n ? this.ctx.stdout : fd === 2n ? this.ctx.stderr : null;
        return s?.isTTY === true;
      }
      return this.filstat(arg, n!);
    }
    if (this.kind(this.i + 1) === "BINOP") return this.binop();
    return this.args[this.i] !== "";
  }

  async nexpr(): Promise<boolean> {
    if (this.op(this.i) === "!") {
      this.i++;
      if (this.op(this.i) === "EOI") {
        this.i--;
        return true;
      }
      return !(await this.nexpr());
    }
    return this.primary();
  }

  async aexpr(): Promise<boolean> {
    const res = await this.nexpr();
    const o = this.op(++this.i);
    if (o === "-a" || o === "&&") {
      this.i++;
      return (await this.aexpr()) && res;
    }
    this.i--;
    return res;
  }

  async oexpr(): Promise<boolean> {
    const res = await this.aexpr();
    const o = this.op(++this.i);
    if (o === "-o" || o === "||") {
      this.i++;
      return (await this.oexpr()) || res;
    }
    this.i--;
    return res;
  }

  /** The whole evaluation: exit status 0, 1 or 2. */
  async run(): Promise<number> {
    // POSIX's special cases look at the arguments after leading "!"s; the general parser
    // then reads the whole (possibly shortened) list from its start
    const all = [...this.args];
    let off = 0;
    let negate = false;
    for (;;) {
      const n = all.length - off;
      if (n === 0) return negate ? 0 : 1;
      if (n === 1) return (all[off] === "") !== negate ? 1 : 0;
      if (n === 3) {
        const t = new Test(this.ctx, all.slice(off), this.bash2);
        if (t.kind(1) === "BINOP") return (await t.binop()) !== negate ? 0 : 1;
      } else if (n === 4 && all[off] === "(" && all[off + 3] === ")") {
        all.length = off + 3;
        off++;
      }
      if (all[off] === "!") {
        off++;
        negate = !negate;
        continue;
      }
      break;
    }
    const t = new Test(this.ctx, all, this.bash2);
    const r = await t.oexpr();
    if (t.args[t.i] !== undefined && t.args[++t.i] !== undefined) {
      await warn(this.ctx, `${t.args[t.i]}: unknown operand`);
      return 2;
    }
    return r ? 0 : 1;
  }
}

defineApplet({
  name: "test",
  aliases: ["[", "[["],
  noHelp: true,
  async run(ctx) {
    const name = appletName(ctx);
    let args = ctx.argv.slice(1);
    if (name === "[" || name === "[[") {
      const close = name === "[" ? "]" : "]]";
      if (args[args.length - 1] !== close) {
        await warn(ctx, `missing ${close}`);
        return 2;
      }
      args = args.slice(0, -1);
    }
    try {
      return await new Test(ctx, args, name === "[[").run();
    } catch (e) {
      if (e instanceof Syntax) return 2;
      throw e;
    }
  },
});
