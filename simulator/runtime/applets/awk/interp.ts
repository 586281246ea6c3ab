/** The awk interpreter: expressions, statements, getline, user functions and print. */
import { callBuiltin, formatPrintf } from "./builtins";
import { bytesFromBin } from "./bytes";
import type { Expr, Func, Stmt } from "./parser";
import { RuntimeError, type Slot, Store } from "./store";
import { type Cell, fmtNum, isNumeric, num, str, toNum, truthy, uninit, user } from "./values";

export { Fatal, RuntimeError, unescapeArg } from "./store";

export class Next extends Error {}
export class NextFile extends Error {}
export class Exit extends Error {
  constructor(readonly code: number) {
    super("exit");
  }
}
class Return extends Error {
  constructor(readonly value: Cell) {
    super("return");
  }
}
class Break extends Error {}
class Continue extends Error {}

export class Interp extends Store {
  // ---- evaluation ----
  async eval(e: Expr): Promise<Cell> {
    switch (e.k) {
      case "num":
        return num(e.v);
      case "str":
        return str(e.v);
      case "re": {
        const re = this.regex(e.v);
        return num(re.test(this.record) ? 1 : 0);
      }
      case "group":
        return this.eval(e.e);
      case "var":
        return this.getVar(e.name);
      case "field":
        return this.getField(Math.trunc(toNum(await this.eval(e.e))));
      case "idx":
        return this.array(e.name).get(await this.subscript(e.subs));
      case "in":
        return num(this.array(e.name).has(await this.subscript(e.subs)) ? 1 : 0);
      case "assign": {
        let v = await this.eval(e.rhs);
        if (e.op !== "=") {
          const a = toNum(await this.eval(e.lhs));
          v = num(this.arith(e.op[0], a, toNum(v)));
        } else v = { ...v };
        await this.assign(e.lhs, v);
        return v;
      }
      case "cond":
        return truthy(await this.eval(e.c)) ? this.eval(e.a) : this.eval(e.b);
      case "and":
        return num(truthy(await this.eval(e.a)) && truthy(await this.eval(e.b)) ? 1 : 0);
      case "or":
        return num(truthy(await this.eval(e.a)) || truthy(await this.eval(e.b)) ? 1 : 0);
      case "not":
        return num(truthy(await this.eval(e.e)) ? 0 : 1);
      case "neg":
        return num(-toNum(await this.eval(e.e)));
      case "pos":
        return num(toNum(await this.eval(e.e)));
      case "bin": {
        const a = toNum(await this.eval(e.a));
        const b = toNum(await this.eval(e.b));
        return num(this.arith(e.op, a, b));
      }
      case "cmp": {
        const a = await this.eval(e.a);
        const b = await this.eval(e.b);
        let d: number;
        if (isNumeric(a) && isNumeric(b)) d = toNum(a) - toNum(b);
        else {
          const x = this.str(a);
          const y = this.str(b);
          d = x < y ? -1 : x > y ? 1 : 0;
        }
        const r = { "<": d < 0, "<=": d <= 0, "==": d === 0, "!=": d !== 0, ">=": d >= 0, ">": d > 0 }[e.op as "<"];
        return num(r ? 1 : 0);
      }
      case "match": {
        const s = this.str(await this.eval(e.a));
        const re = await this.regexOf(e.b);
        return num(re.test(s) !== e.neg ? 1 : 0);
      }
      case "concat":
        return str(this.str(await this.eval(e.a)) + this.str(await this.eval(e.b)));
      case "incdec": {
        const old = toNum(await this.eval(e.lhs));
        const nv = e.op === "++" ? old + 1 : old - 1;
        await this.assign(e.lhs, num(nv));
        return num(e.pre ? nv : old);
      }
      case "builtin":
        return callBuiltin(this, e.name, e.args);
      case "call":
        return this.callFunc(e.name, e.args);
      case "getline":
        return this.getline(e);
    }
  }

  arith(op: string, a: number, b: number): number {
    switch (op) {
      case "+":
        return a + b;
      case "-":
        return a - b;
      case "*":
        return a * b;
      case "/":
        if (b === 0) throw new RuntimeError("Division by zero", this.line);
        return a / b;
      case "%":
        if (b === 0) throw new RuntimeError("Division by zero", this.line);
        return a - Math.trunc(a / b) * b;
      default:
        throw new RuntimeError("Math support is not compiled in", this.line);
    }
  }

  async subscript(subs: Expr[]): Promise<string> {
    const parts: string[] = [];
    for (const s of subs) parts.push(this.str(await this.eval(s)));
    return parts.join(this.sv("SUBSEP"));
  }

  async assign(lhs: Expr, v: Cell): Promise<void> {
    if (lhs.k === "var") this.setVar(lhs.name, v);
    else if (lhs.k === "field") this.setField(Math.trunc(toNum(await this.eval(lhs.e))), v);
    else if (lhs.k === "idx") this.array(lhs.name).set(await this.subscript(lhs.subs), v);
    else if (lhs.k === "group") await this.assign(lhs.e, v);
  }

  private async getline(e: Extract<Expr, { k: "getline" }>): Promise<Cell> {
    let rec: string | null;
    if (e.cmd) {
      const r = this.streams.inputCmd(this.str(await this.eval(e.cmd)));
      if (!r) return num(-1);
      await this.flush();
      rec = await r.next(this.sv("RS"));
      if (rec !== null) this.setVar("NR", num(toNum(this.getVar("NR")) + 1));
    } else if (e.file) {
      const r = this.streams.inputFile(this.str(await this.eval(e.file)));
      if (!r) return num(-1);
      rec = await r.next(this.sv("RS"));
    } else {
      rec = await this.nextMainRecord();
    }
    if (rec === null) return num(0);
    if (e.lhs) await this.assign(e.lhs, user(rec));
    else this.setRecord(rec);
    return num(1);
  }

  private async callFunc(name: string, args: Expr[]): Promise<Cell> {
    const f: Func | undefined = this.prog.funcs.get(name);
    if (!f) throw new RuntimeError("Call to undefined function", this.line);
    const frame = new Map<string, Slot>();
    for (let i = 0; i < f.params.length; i++) {
      const a = args[i];
      const slot: Slot = {};
      if (a && a.k === "var") {
        const s = this.slot(a.name);
        if (s.arr) slot.arr = s.arr;
        else if (s.cell) slot.cell = { ...s.cell };
        else slot.proxy = s;
      } else if (a) slot.cell = { ...(await this.eval(a)) };
      frame.set(f.params[i], slot);
    }
    for (let i = f.params.length; i < args.length; i++) await this.eval(args[i]);
    this.frames.push(frame);
    try {
      await this.exec(f.body);
      return uninit();
    } catch (err) {
      if (err instanceof Return) return err.value;
      throw err;
    } finally {
      this.frames.pop();
    }
  }

  // ---- statements ----
  async flush(): Promise<void> {
    if (this.out.length) await this.ctx.stdout.write(bytesFromBin(this.out.splice(0).join("")));
  }

  async exec(s: Stmt): Promise<void> {
    await this.ctx.tick();
    switch (s.k) {
      case "block":
        for (const x of s.body) await this.exec(x);
        return;
      case "expr":
        this.line = s.line;
        await this.eval(s.e);
        return;
      case "print":
      case "printf":
        this.line = s.line;
        return this.print(s);
      case "if":
        if (truthy(await this.eval(s.c))) await this.exec(s.then);
        else if (s.else) await this.exec(s.else);
        return;
      case "while":
        while (truthy(await this.eval(s.c))) {
          if (await this.loopBody(s.body)) break;
        }
        return;
      case "do":
        do {
          if (await this.loopBody(s.body)) break;
        } while (truthy(await this.eval(s.c)));
        return;
      case "for":
        if (s.init) await this.exec(s.init);
        while (!s.c || truthy(await this.eval(s.c))) {
          if (await this.loopBody(s.body)) break;
          if (s.step) await this.exec(s.step);
        }
        return;
      case "forin": {
        const arr = this.array(s.arr);
        for (const k of arr.keys()) {
          if (!arr.has(k)) continue;
          await this.assign(s.v, user(k));
          if (await this.loopBody(s.body)) break;
        }
        return;
      }
      case "next":
        throw new Next();
      case "nextfile":
        throw new NextFile();
      case "break":
        throw new Break();
      case "continue":
        throw new Continue();
      case "exit":
        this.line = s.line;
        throw new Exit(s.e ? Math.trunc(toNum(await this.eval(s.e))) : -1);
      case "return":
        throw new Return(s.e ? { ...(await this.eval(s.e)) } : uninit());
      case "delete": {
        const arr = this.array(s.name);
        if (s.subs) arr.delete(await this.subscript(s.subs));
        else arr.clear();
        return;
      }
      case "getline":
        await this.eval(s.e);
        return;
    }
  }

  /** Run a loop body; true when it broke out. */
  private async loopBody(body: Stmt): Promise<boolean> {
    try {
      await this.exec(body);
    } catch (e) {
      if (e instanceof Break) return true;
      if (e instanceof Continue) return false;
      throw e;
    }
    return false;
  }

  private async print(s: Extract<Stmt, { k: "print" | "printf" }>): Promise<void> {
    let text = "";
    try {
      if (s.k === "print") {
        if (s.args.length === 0) text = this.record;
        else {
          const ofs = this.sv("OFS");
          for (let i = 0; i < s.args.length; i++) {
            const v = await this.eval(s.args[i]);
            text += (i ? ofs : "") + (v.t === 1 ? fmtNum(v.n, this.sv("OFMT")) : v.s);
          }
        }
        text += this.sv("ORS");
      } else text = await formatPrintf(this, s.args);
    } catch (e) {
      // what was printed before the error still comes out
      if (!s.redir && text) this.out.push(text);
      throw e;
    }
    if (!s.redir) {
      this.out.push(text);
      if (this.out.length > 100) await this.flush();
      return;
    }
    const target = this.str(await this.eval(s.redir.target));
    await this.flush();
    let o;
    try {
      o = this.streams.output(target, s.redir.op);
    } catch (e) {
      throw new RuntimeError(`can't open '${target}': ${(e as Error).message}`, this.line);
    }
    await o.w.write(bytesFromBin(text));
  }
}
