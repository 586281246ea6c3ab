/** awk's built-in functions and printf, with BusyBox's behaviour where it differs. */
import { formatValue, parseSpec } from "../lib/printf";
import { posixExec } from "../lib/regex";
import { strftime } from "../lib/time";
import type { Interp } from "./interp";
import { RuntimeError } from "./interp";
import { spawnShell } from "./io";
import type { Expr } from "./parser";
import { type Cell, isNumeric, num, str, toNum, user } from "./values";

/** printf/sprintf: each spec runs to its first letter; "%*" and unknown letters are errors. */
export async function formatPrintf(ip: Interp, args: Expr[]): Promise<string> {
  const fmt = ip.str(await ip.eval(args[0]));
  let ai = 1;
  let out = "";
  let i = 0;
  while (i < fmt.length) {
    const p = fmt.indexOf("%", i);
    if (p < 0) {
      out += fmt.slice(i);
      break;
    }
    out += fmt.slice(i, p);
    if (p + 1 >= fmt.length) {
      out += "%";
      break;
    }
    if (fmt[p + 1] === "%") {
      out += "%";
      i = p + 2;
      continue;
    }
    let j = p + 1;
    while (j < fmt.length && !/[A-Za-z]/.test(fmt[j])) {
      if (fmt[j] === "*") throw new RuntimeError("%*x formats are not supported", ip.line);
      j++;
    }
    if (j >= fmt.length) {
      out += fmt.slice(p);
      break;
    }
    const c = fmt[j];
    const arg: Cell = ai < args.length ? await ip.eval(args[ai++]) : { t: 0, n: 0, s: "" };
    const parsed = parseSpec(fmt.slice(p + 1, j + 1), 0);
    const spec = parsed?.spec ?? { flags: "", width: null, prec: null, conv: c };
    if (c === "c") {
      const ch = isNumeric(arg) ? String.fromCharCode(Math.trunc(toNum(arg)) & 255) : [...ip.str(arg)][0] ?? "";
      out += formatValue({ ...spec, conv: "s", prec: null }, ch === "" ? "" : ch);
    } else if (c === "s") out += formatValue(spec, ip.str(arg));
    else if ("diouxX".includes(c)) {
      let d = Math.trunc(toNum(arg));
      if (!(d >= -2147483648 && d <= 2147483647)) d = -2147483648;
      const v = c === "d" || c === "i" ? BigInt(d) : BigInt(d >>> 0);
      out += formatValue(spec, v);
    } else if ("eEfFgGaA".includes(c)) out += formatValue({ ...spec, conv: c === "a" || c === "A" ? "e" : c }, toNum(arg));
    else throw new RuntimeError("Invalid format specifier", ip.line);
    i = j + 1;
  }
  return out;
}

/** sub/gsub replacement with BusyBox's backslash counting; returns [new text, count]. */
function substitute(re: RegExp, notbol: RegExp, repl: string, s: string, max: number): [string, number] {
  let res = "";
  let count = 0;
  let pos = 0;
  while (pos <= s.length) {
    const r = pos === 0 ? re : notbol;
    r.lastIndex = 0;
    const sub = s.slice(pos);
    const m = posixExec(r, sub);
    if (!m) break;
    const so = m.index;
    const eo = so + m[0].length;
    res += sub.slice(0, so);
    count++;
    let nbs = 0;
    let piece = "";
    for (const c of repl) {
      piece += c;
      if (c === "\\") {
        nbs++;
        continue;
      }
      if (c === "&") {
        piece = piece.slice(0, piece.length - ((nbs + 3) >> 1));
        piece += nbs % 2 ? "&" : m[0];
      }
      nbs = 0;
    }
    res += piece;
    pos += eo;
    if (count >= max) break;
    if (eo === so) {
      if (pos >= s.length) return [res, count];
      res += s[pos];
      pos++;
    }
  }
  return [res + s.slice(pos), count];
}

/** getvar_i_int: a double as an unsigned 64-bit integer (negative values wrap). */
function u64(d: number): bigint {
  if (!Number.isFinite(d)) return 0n;
  return BigInt.asUintN(64, BigInt(Math.trunc(d)));
}

const noMath = (ip: Interp) => {
  throw new RuntimeError("Math support is not compiled in", ip.line);
};

export async function callBuiltin(ip: Interp, name: string, args: Expr[]): Promise<Cell> {
  const val = async (i: number) => ip.eval(args[i]);
  const s = async (i: number) => ip.str(await val(i));
  const n = async (i: number) => toNum(await val(i));
  const need = (k: number) => {
    if (args.length < k) throw new RuntimeError("Too few arguments", ip.line);
  };
  switch (name) {
    case "length": {
      if (args.length === 0) return num([...ip.str(ip.getField(0))].length);
      const a = args[0];
      if (a.k === "var" && ip.globals.get(a.name)?.arr) return num(ip.array(a.name).size);
      return num([...(await s(0))].length);
    }
    case "substr": {
      need(2);
      const t = [...(await s(0))];
      const l = t.length;
      let i = Math.trunc(await n(1)) - 1;
      if (i > l) i = l;
      if (i < 0) i = 0;
      let k = args.length > 2 ? Math.trunc(await n(2)) : l - i;
      if (k < 0) k = 0;
      return str(t.slice(i, i + k).join(""));
    }
    case "index": {
      need(2);
      const a = await s(0);
      const b = await s(1);
      if (b === "") return num(0);
      return num(a.indexOf(b) + 1);
    }
    case "split": {
      need(2);
      const text = await s(0);
      const a = args[1];
      if (a.k !== "var") throw new RuntimeError("Not an array", ip.line);
      let parts: string[];
      if (args.length > 2 && args[2].k === "re") parts = ip.splitString(text, args[2].v, true);
      else parts = ip.splitString(text, args.length > 2 ? await s(2) : ip.sv("FS"));
      const arr = ip.array(a.name);
      arr.clear();
      parts.forEach((p, i) => arr.set(String(i + 1), user(p)));
      return num(parts.length);
    }
    case "sub":
    case "gsub": {
      need(2);
      const src = await ip.regexSource(args[0]);
      const repl = await s(1);
      const target: Expr = args[2] ?? { k: "field", e: { k: "num", v: 0 } };
      const cur = ip.str(await ip.eval(target));
      const [res, count] = substitute(ip.regex(src), ip.regex(src, true), repl, cur, name === "sub" ? 1 : Infinity);
      if (count > 0) await ip.assign(target, str(res));
      return num(count);
    }
    case "match": {
      need(2);
      const text = await s(0);
      const re = await ip.regexOf(args[1]);
      const m = posixExec(re, text);
      const start = m ? [...text.slice(0, m.index)].length + 1 : 0;
      const len = m ? [...m[0]].length : -1;
      ip.setVar("RSTART", num(start));
      ip.setVar("RLENGTH", num(len));
      return num(start);
    }
    case "sprintf":
      need(1);
      return str(await formatPrintf(ip, args));
    case "tolower":
      return str((await s(0)).replace(/[A-Z]/g, (c) => c.toLowerCase()));
    case "toupper":
      return str((await s(0)).replace(/[a-z]/g, (c) => c.toUpperCase()));
    case "int":
      return num(Math.trunc(await n(0)));
    case "sqrt":
    case "exp":
    case "log":
    case "sin":
    case "cos":
    case "atan2":
      return noMath(ip);
    case "rand": {
      ip.randSeed = (ip.randSeed * 1103515245 + 12345) % 2147483648;
      return num(ip.randSeed / 2147483648);
    }
    case "srand": {
      const prev = ip.prevSeed;
      const seed = args.length ? Math.trunc(await n(0)) : Math.floor(ip.ctx.now() / 1000);
      ip.prevSeed = seed;
      ip.randSeed = seed;
      return num(prev);
    }
    case "system": {
      const cmd = await s(0);
      await ip.flush();
      const child = spawnShell(ip.ctx, cmd, {});
      if (!child) return num(-1);
      return num(await ip.ctx.proc.guard(child.exited));
    }
    case "close":
      return num(await ip.streams.close(await s(0)));
    case "fflush":
      await ip.flush();
      return num(0);
    case "and":
    case "or":
    case "xor":
    case "lshift":
    case "rshift": {
      const a = u64(await n(0));
      const b = u64(await n(1));
      const r = name === "and" ? a & b : name === "or" ? a | b : name === "xor" ? a ^ b : name === "lshift" ? BigInt.asUintN(64, a << (b & 63n)) : a >> (b & 63n);
      return num(Number(r));
    }
    case "compl":
      return num(Number(BigInt.asUintN(64, ~u64(await n(0)))));
    case "systime":
      return num(Math.floor(ip.ctx.now() / 1000));
    case "strftime": {
      const f = args.length ? await s(0) : "%a %b %d %H:%M:%S %Z %Y";
      const t = args.length > 1 ? (await n(1)) * 1000 : ip.ctx.now();
      return str(strftime(f, t));
    }
    default:
      throw new RuntimeError("Call to undefined function", ip.line);
  }
}
