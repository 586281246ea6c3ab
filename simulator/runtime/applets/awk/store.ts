/**
 * The awk interpreter's state: variables and arrays (function frames, arrays passed by
 * reference), the current record with fields split lazily under the current FS (as BusyBox
 * does), compiled regexes, and the main input made of the operands.
 */
import type { ProcessContext } from "../../program";
import { strerror } from "../lib/errors";
import { openInput } from "../lib/io";
import { compilePosix, posixExec, RegexError } from "../lib/regex";
import { fromBin, toBin } from "./bytes";
import { RecordReader, Streams } from "./io";
import type { Expr, Program } from "./parser";
import { AwkArray, AwkError, type Cell, fmtNum, num, str, toNum, toStr, uninit, user } from "./values";

/** A fatal error printed as "awk: MESSAGE" (an input file that cannot be opened). */
export class Fatal extends Error {}

/** A runtime error at a program line ("awk: cmd. line:N: ..."). */
export class RuntimeError extends AwkError {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export interface Slot {
  cell?: Cell;
  arr?: AwkArray;
  /** An untyped variable passed to a function: becomes the caller's array if used as one. */
  proxy?: Slot;
}

export abstract class Store {
  readonly globals = new Map<string, Slot>();
  protected frames: Array<Map<string, Slot>> = [];
  readonly streams: Streams;
  protected record = "";
  protected fields: Cell[] = [];
  protected splitDone = false;
  protected nf = 0;
  line = 0;
  /** The main input: remaining operands and the current file's reader. */
  protected argi = 1;
  protected reader: RecordReader | null = null;
  protected regexCache = new Map<string, RegExp>();
  randSeed = 0;
  prevSeed = 0;
  out: string[] = [];

  constructor(
    readonly ctx: ProcessContext,
    readonly prog: Program,
  ) {
    this.streams = new Streams(ctx);
    for (const [k, v] of Object.entries({ FS: " ", OFS: " ", ORS: "\n", RS: "\n", SUBSEP: "\x1c", CONVFMT: "%.6g", OFMT: "%.6g", FILENAME: "" })) this.setVar(k, str(v));
    for (const k of ["NR", "FNR", "RSTART", "RLENGTH"]) this.setVar(k, num(0));
    const env = this.array("ENVIRON");
    for (const [k, v] of Object.entries(ctx.env)) env.set(toBin(k), user(toBin(v)));
  }

  // ---- variables ----
  protected slot(name: string): Slot {
    const f = this.frames[this.frames.length - 1];
    if (f && f.has(name)) return f.get(name)!;
    let s = this.globals.get(name);
    if (!s) {
      s = {};
      this.globals.set(name, s);
    }
    return s;
  }
  array(name: string): AwkArray {
    let s = this.slot(name);
    while (s.proxy && !s.arr && !s.cell) {
      if (!s.proxy.arr && !s.proxy.cell) s.proxy.arr = new AwkArray();
      s = s.proxy;
    }
    if (s.cell) s.cell = undefined;
    s.arr ??= new AwkArray();
    return s.arr;
  }
  getVar(name: string): Cell {
    if (name === "NF") {
      this.split();
      return num(this.nf);
    }
    const s = this.slot(name);
    return s.cell ?? uninit();
  }
  setVar(name: string, v: Cell): void {
    if (name === "NF") {
      this.setNF(Math.trunc(toNum(v)));
      return;
    }
    // the current record keeps the fields it had under the old separator
    if (name === "FS") this.split();
    const s = this.slot(name);
    s.arr = undefined;
    s.cell = { ...v };
    s.proxy = undefined;
  }
  str(c: Cell): string {
    if (c.t !== 1) return c.s;
    const f = this.getVar("CONVFMT");
    return toStr(c, f.t === 1 ? fmtNum(f.n, "%.6g") : f.s);
  }
  sv(name: string): string {
    return this.str(this.getVar(name));
  }

  // ---- record and fields ----
  setRecord(s: string): void {
    this.record = s;
    this.splitDone = false;
  }
  protected split(): void {
    if (this.splitDone) return;
    this.splitDone = true;
    this.fields = this.splitString(this.record, this.sv("FS")).map(user);
    this.nf = this.fields.length;
  }
  /** Split text the way awk_split does for separator `fs`. */
  splitString(s: string, fs: string, forceRegex = false): string[] {
    const para = this.sv("RS") === "";
    if (forceRegex) return this.splitRegex(s, fs, para);
    if (fs === " ") return s.split(para ? /[ \t\n\v\f\r]+/ : /[ \t\n\v\f\r]+/).filter((x) => x !== "");
    if (fs === "") return [...s];
    if (fs.length === 1) {
      if (s === "") return [];
      const parts = fs === "\n" || !para ? s.split(fs) : s.split(new RegExp(`[${fs.replace(/[\]\\^-]/g, "\\$&")}\\n]`));
      return parts;
    }
    return this.splitRegex(s, fs, para);
  }
  private splitRegex(s: string, fs: string, para: boolean): string[] {
    if (s === "") return [];
    const re = this.regex(fs);
    const out: string[] = [];
    let rest = s;
    for (;;) {
      re.lastIndex = 0;
      let m = posixExec(re, rest);
      if (m && m[0].length === 0) {
        re.lastIndex = 1;
        m = rest.length > 0 ? posixExec(re, rest) : null;
        while (m && m[0].length === 0 && re.lastIndex <= rest.length) {
          re.lastIndex++;
          m = posixExec(re, rest);
        }
        if (m && m[0].length === 0) m = null;
      }
      const nl = para ? rest.indexOf("\n") : -1;
      if (nl >= 0 && (!m || m.index > nl)) {
        out.push(rest.slice(0, nl));
        rest = rest.slice(nl + 1);
        continue;
      }
      if (!m) {
        out.push(rest);
        break;
      }
      out.push(rest.slice(0, m.index));
      rest = rest.slice(m.index + m[0].length);
      if (rest === "") {
        out.push("");
        break;
      }
    }
    return out;
  }
  getField(i: number): Cell {
    if (i < 0) throw new RuntimeError("Access to negative field", this.line);
    if (i === 0) return user(this.record);
    this.split();
    return this.fields[i - 1] ?? uninit();
  }
  setField(i: number, v: Cell): void {
    if (i < 0) throw new RuntimeError("Access to negative field", this.line);
    if (i === 0) {
      this.setRecord(this.str(v));
      return;
    }
    this.split();
    while (this.fields.length < i) this.fields.push(uninit());
    this.fields[i - 1] = { ...v };
    if (i > this.nf) this.nf = i;
    this.rebuild();
  }
  private setNF(n: number): void {
    this.split();
    if (n < 0) n = 0;
    while (this.fields.length < n) this.fields.push(uninit());
    this.fields.length = n;
    this.nf = n;
    this.rebuild();
  }
  private rebuild(): void {
    const ofs = this.sv("OFS");
    this.record = this.fields.slice(0, this.nf).map((c) => this.str(c)).join(ofs);
  }

  // ---- regexes ----
  regex(src: string, notbol = false): RegExp {
    const key = (notbol ? "1" : "0") + src;
    let re = this.regexCache.get(key);
    if (!re) {
      try {
        re = compilePosix(src, { extended: true, notbol });
      } catch (e) {
        if (e instanceof RegexError) throw new RuntimeError(e.message, this.line);
        throw e;
      }
      this.regexCache.set(key, re);
    }
    re.lastIndex = 0;
    return re;
  }
  /** The regex an expression stands for: a literal /re/, or its value as a dynamic regex. */
  async regexOf(e: Expr): Promise<RegExp> {
    return this.regex(await this.regexSource(e));
  }
  async regexSource(e: Expr): Promise<string> {
    return e.k === "re" ? e.v : this.str(await this.eval(e));
  }

  // ---- main input ----
  /** The next record of the main input (operands, with var=value assignments), or null. */
  async nextMainRecord(): Promise<string | null> {
    for (;;) {
      if (!this.reader) {
        const argv = this.array("ARGV");
        const argc = Math.trunc(toNum(this.getVar("ARGC")));
        let name: string | null = null;
        while (this.argi < argc) {
          const k = String(this.argi++);
          if (!argv.has(k)) continue;
          const a = this.str(argv.get(k));
          const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(a);
          if (m) {
            this.setVar(m[1], user(unescapeArg(m[2])));
            continue;
          }
          if (a === "") continue;
          name = a;
          break;
        }
        if (name === null) {
          if (this.usedFile) return null;
          name = "-";
        }
        this.usedFile = true;
        try {
          const src = name === "-" ? this.ctx.stdin : openInput(this.ctx, fromBin(name));
          this.reader = new RecordReader(this.ctx, src);
          this.setVar("FILENAME", str(name === "-" ? "" : name));
          this.setVar("FNR", num(0));
        } catch (e) {
          throw new Fatal(`${fromBin(name)}: ${strerror(e)}`);
        }
      }
      let rec: string | null;
      try {
        rec = await this.reader.next(this.sv("RS"));
      } catch (e) {
        if (e instanceof Error && e.name === "FsError") rec = null;
        else throw e;
      }
      if (rec !== null) {
        this.setVar("NR", num(toNum(this.getVar("NR")) + 1));
        this.setVar("FNR", num(toNum(this.getVar("FNR")) + 1));
        return rec;
      }
      this.reader = null;
    }
  }
  usedFile = false;
  skipFile(): void {
    this.reader = null;
  }

  abstract eval(e: Expr): Promise<Cell>;
}

/** Command-line var=value text gets awk's escape processing. */
export function unescapeArg(s: string): string {
  return s.replace(/\\(n|t|r|\\|"|\/|a|b|f|v)/g, (_m, c: string) => ({ n: "\n", t: "\t", r: "\r", "\\": "\\", '"': '"', "/": "/", a: "\x07", b: "\b", f: "\f", v: "\v" })[c as "n"]);
}
