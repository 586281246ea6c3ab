/**
 * Template functions: Go's builtins (and, or, not, len, index, slice, print, printf, println,
 * html, js, urlquery, eq, ne, lt, le, gt, ge) and docker's additions (cli/templates: json, split,
 * join, title, lower, upper, pad, truncate), plus the header variants docker uses to render
 * table headers.
 */
import { isTrue } from "./eval";
import { sprint, sprintf, sprintln } from "./fmt";
import { encodeJSON } from "./json";
import { isPrint } from "./strconv";
import {
  GoValue,
  indirect,
  indirectInterface,
  INVALID,
  isFloatKind,
  isIntKind,
  isUintKind,
  isValid,
  mapGet,
  mapLen,
  REFLECT_VALUE,
  sameType,
  T,
  typeString,
  utf8Length,
  wrap,
  zeroValue,
  type FuncType,
  type GoType,
} from "./value";

export interface FuncDef {
  type: FuncType;
  call: (args: GoValue[]) => GoValue;
}

const RV = REFLECT_VALUE;
const fn = (params: GoType[], call: FuncDef["call"], variadic?: GoType, result: GoType = T.any): FuncDef => ({
  type: { kind: "func", params, variadic, result },
  call,
});
const str = (s: string) => new GoValue(T.string, s);
const bool = (b: boolean) => new GoValue(T.bool, b);

type Kind = "invalid" | "bool" | "int" | "uint" | "float" | "complex" | "string";
function basicKind(v: GoValue): { kind: Kind; ok: boolean } {
  const k = v.t.kind;
  if (k === "bool") return { kind: "bool", ok: true };
  if (isIntKind(k)) return { kind: "int", ok: true };
  if (isUintKind(k)) return { kind: "uint", ok: true };
  if (isFloatKind(k)) return { kind: "float", ok: true };
  if (k === "complex128") return { kind: "complex", ok: true };
  if (k === "string") return { kind: "string", ok: true };
  return { kind: "invalid", ok: false };
}

const errBadComparisonType = "invalid type for comparison";
const errBadComparison = "incompatible types for comparison";

function isNilish(v: GoValue): boolean {
  if (!isValid(v)) return true;
  return ["ptr", "map", "slice", "interface", "func"].includes(v.t.kind) && (v.v === null || v.v === undefined);
}

function eq(args: GoValue[]): GoValue {
  const arg1 = indirectInterface(args[0]);
  if (args.length < 2) throw new Error("missing argument for comparison");
  const k1 = basicKind(arg1).kind;
  for (const raw of args.slice(1)) {
    const arg = indirectInterface(raw);
    const k2 = basicKind(arg).kind;
    let truth = false;
    if (k1 !== k2) {
      if (k1 === "int" && k2 === "uint") truth = Number(arg1.v) >= 0 && Number(arg1.v) === Number(arg.v);
      else if (k1 === "uint" && k2 === "int") truth = Number(arg.v) >= 0 && Number(arg1.v) === Number(arg.v);
      else if (isValid(arg1) && isValid(arg)) throw new Error(errBadComparison);
    } else if (k1 !== "invalid") {
      truth = arg1.v === arg.v;
    } else if (isNilish(arg1) || isNilish(arg)) {
      truth = isNilish(arg1) === isNilish(arg);
    } else {
      const ak = arg.t.kind;
      if (ak === "slice" || ak === "map" || ak === "func")
        throw new Error(`non-comparable type ${sprintf("%s", [arg])}: ${typeString(arg.t)}`);
      if (!sameType(arg1.t, arg.t))
        throw new Error(`non-comparable types ${sprintf("%s", [arg1])}: ${typeString(arg1.t)}, ${typeString(arg.t)}: ${sprintf("%v", [arg])}`);
      truth = arg1.v === arg.v;
    }
    if (truth) return bool(true);
  }
  return bool(false);
}

function lt(a: GoValue, b: GoValue): boolean {
  const arg1 = indirectInterface(a);
  const k1 = basicKind(arg1);
  if (!k1.ok) throw new Error(errBadComparisonType);
  const arg2 = indirectInterface(b);
  const k2 = basicKind(arg2);
  if (!k2.ok) throw new Error(errBadComparisonType);
  if (k1.kind !== k2.kind) {
    if (k1.kind === "int" && k2.kind === "uint") return Number(arg1.v) < 0 || Number(arg1.v) < Number(arg2.v);
    if (k1.kind === "uint" && k2.kind === "int") return Number(arg2.v) >= 0 && Number(arg1.v) < Number(arg2.v);
    throw new Error(errBadComparison);
  }
  if (k1.kind === "bool" || k1.kind === "complex") throw new Error(errBadComparisonType);
  if (k1.kind === "string") return utf8Compare(String(arg1.v), String(arg2.v)) < 0;
  return Number(arg1.v) < Number(arg2.v);
}

function utf8Compare(a: string, b: string): number {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

function le(a: GoValue, b: GoValue): boolean {
  if (lt(a, b)) return true;
  return eq([a, b]).v === true;
}

function indexArg(index: GoValue, cap: number): number {
  const v = indirectInterface(index);
  let x: number;
  if (isIntKind(v.t.kind) || isUintKind(v.t.kind)) x = Number(v.v);
  else if (!isValid(v)) throw new Error("cannot index slice/array with nil");
  else throw new Error(`cannot index slice/array with type ${typeString(v.t)}`);
  if (x < 0 || x > cap) throw new Error(`index out of range: ${x}`);
  return x;
}

function seqOf(item: GoValue): { len: number; at: (i: number) => GoValue } | null {
  if (item.t.kind === "slice") {
    const arr = (item.v ?? []) as unknown[];
    const et = item.t.elem;
    return { len: arr.length, at: (i) => wrap(et, arr[i]) };
  }
  if (item.t.kind === "string") {
    const bytes = new TextEncoder().encode(String(item.v));
    return { len: bytes.length, at: (i) => new GoValue(T.uint8, bytes[i]) };
  }
  return null;
}

function index(args: GoValue[]): GoValue {
  let item = indirectInterface(args[0]);
  if (!isValid(item)) throw new Error("index of untyped nil");
  for (const raw of args.slice(1)) {
    const idx = indirectInterface(raw);
    const ind = indirect(item);
    if (ind.isNil) throw new Error("index of nil pointer");
    item = ind.v;
    const seq = seqOf(item);
    if (seq) {
      const x = indexArg(idx, seq.len);
      if (x >= seq.len) throw new Error("reflect: slice index out of range");
      item = seq.at(x);
    } else if (item.t.kind === "map") {
      const mt = item.t;
      let key: unknown;
      if (!isValid(idx)) key = zeroValue(mt.key).v;
      else if (sameType(idx.t, mt.key) || mt.key.kind === "interface") key = idx.v;
      else if ((isIntKind(idx.t.kind) || isUintKind(idx.t.kind)) && (isIntKind(mt.key.kind) || isUintKind(mt.key.kind))) key = idx.v;
      else throw new Error(`value has type ${typeString(idx.t)}; should be ${typeString(mt.key)}`);
      const got = mapGet(item.v, key);
      item = got.found ? wrap(mt.elem, got.value) : zeroValue(mt.elem);
    } else throw new Error(`can't index item of type ${typeString(item.t)}`);
  }
  return item;
}

function slice(args: GoValue[]): GoValue {
  const item = indirectInterface(args[0]);
  if (!isValid(item)) throw new Error("slice of untyped nil");
  const idxs = args.slice(1);
  if (idxs.length > 3) throw new Error(`too many slice indexes: ${idxs.length}`);
  let len: number;
  if (item.t.kind === "string") {
    if (idxs.length === 3) throw new Error("cannot 3-index slice a string");
    len = utf8Length(String(item.v));
  } else if (item.t.kind === "slice") len = ((item.v ?? []) as unknown[]).length;
  else throw new Error(`can't slice item of type ${typeString(item.t)}`);
  const idx = [0, len, len];
  idxs.forEach((x, i) => (idx[i] = indexArg(x, len)));
  if (idx[0] > idx[1]) throw new Error(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (idxs.length === 3 && idx[1] > idx[2]) throw new Error(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (item.t.kind === "string") {
    const bytes = new TextEncoder().encode(String(item.v)).slice(idx[0], idx[1]);
    return new GoValue(item.t, new TextDecoder().decode(bytes));
  }
  return new GoValue(item.t, ((item.v ?? []) as unknown[]).slice(idx[0], idx[1]));
}

function len(args: GoValue[]): GoValue {
  const { v, isNil } = indirect(args[0]);
  if (isNil) throw new Error("len of nil pointer");
  const k = v.t.kind;
  if (k === "string") return new GoValue(T.int, utf8Length(String(v.v)));
  if (k === "slice") return new GoValue(T.int, ((v.v ?? []) as unknown[]).length);
  if (k === "map") return new GoValue(T.int, mapLen(v.v));
  if (k === "invalid") throw new Error("reflect: call of reflect.Value.Type on zero Value");
  throw new Error(`len of type ${typeString(v.t)}`);
}

function evalArgs(args: GoValue[]): string {
  if (args.length === 1) {
    const a = indirectInterface(args[0]);
    if (a.t.kind === "string" && !(a.t as { name?: string }).name) return String(a.v);
  }
  return sprint(args);
}

export function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => ({ "\0": "\uFFFD", '"': "&#34;", "'": "&#39;", "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!);
}

export function jsEscape(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const special: Record<string, string> = { "\\": "\\\\", "'": "\\'", '"': '\\"', "<": "\\u003C", ">": "\\u003E", "&": "\\u0026", "=": "\\u003D" };
    if (special[ch]) out += special[ch];
    else if (c < 0x20) out += "\\u00" + c.toString(16).toUpperCase().padStart(2, "0");
    else if (c < 0x80 || isPrint(c)) out += ch;
    else out += "\\u" + c.toString(16).toUpperCase().padStart(4, "0");
  }
  return out;
}

export function queryEscape(s: string): string {
  let out = "";
  for (const b of new TextEncoder().encode(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === " ") out += "+";
    else out += "%" + b.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

/** strings.Title */
export function goTitle(s: string): string {
  const isSep = (r: string) => {
    const c = r.codePointAt(0)!;
    if (c <= 0x7f) return !/[0-9A-Za-z_]/.test(r);
    if (/[\p{L}\p{Nd}]/u.test(r)) return false;
    return /\s/u.test(r);
  };
  let prev = " ";
  let out = "";
  for (const r of s) {
    out += isSep(prev) ? mapRune(r, "upper") : r;
    prev = r;
  }
  return out;
}

function mapRune(r: string, dir: "upper" | "lower"): string {
  const m = dir === "upper" ? r.toUpperCase() : r.toLowerCase();
  return [...m].length === 1 ? m : r;
}
const mapString = (s: string, dir: "upper" | "lower") => [...s].map((r) => mapRune(r, dir)).join("");

function goSplit(s: string, sep: string): string[] {
  if (sep === "") return [...s];
  return s.split(sep);
}

function truncateBytes(s: string, n: number): string {
  const bytes = new TextEncoder().encode(s);
  if (bytes.length < n) return s;
  if (n < 0) throw new Error(`runtime error: slice bounds out of range [:${n}]`);
  return new TextDecoder().decode(bytes.slice(0, n));
}

function repeat(n: number): string {
  if (n < 0) throw new Error("strings: negative Repeat count");
  return " ".repeat(n);
}

const S = T.string;
const I = T.int;
const strSlice = T.slice(T.string);

/** call: invokes a function value (a JS function found in the data). */
function call(args: GoValue[]): GoValue {
  const f = indirectInterface(args[0]);
  if (!isValid(f)) throw new Error("call of nil");
  if (f.t.kind !== "func") throw new Error(`non-function ${sprintf("%v", [f])} of type ${typeString(f.t)}`);
  const fn = f.v as (...a: unknown[]) => unknown;
  const rest = args.slice(1);
  if (rest.length !== fn.length) throw new Error(`wrong number of args for ${sprintf("%v", [f])}: got ${rest.length} want ${fn.length}`);
  return wrap(T.any, fn(...rest.map((a) => {
    const c = indirectInterface(a);
    return isValid(c) ? c.v : null;
  })));
}

export const BUILTINS: Record<string, FuncDef> = {
  call: fn([RV], call, RV),
  and: fn([RV], () => INVALID, RV),
  or: fn([RV], () => INVALID, RV),
  not: fn([RV], (a) => bool(!isTrue(indirectInterface(a[0])).truth), undefined, T.bool),
  len: fn([RV], len, undefined, I),
  index: fn([RV], index, RV),
  slice: fn([RV], slice, RV),
  print: fn([], (a) => str(sprint(a)), T.any, S),
  printf: fn([S], (a) => str(sprintf(String(a[0].v), a.slice(1))), T.any, S),
  println: fn([], (a) => str(sprintln(a)), T.any, S),
  html: fn([], (a) => str(htmlEscape(evalArgs(a))), T.any, S),
  js: fn([], (a) => str(jsEscape(evalArgs(a))), T.any, S),
  urlquery: fn([], (a) => str(queryEscape(evalArgs(a))), T.any, S),
  eq: fn([RV], eq, RV, T.bool),
  ne: fn([RV, RV], (a) => bool(eq(a).v !== true), undefined, T.bool),
  lt: fn([RV, RV], (a) => bool(lt(a[0], a[1])), undefined, T.bool),
  le: fn([RV, RV], (a) => bool(le(a[0], a[1])), undefined, T.bool),
  gt: fn([RV, RV], (a) => bool(!le(a[0], a[1])), undefined, T.bool),
  ge: fn([RV, RV], (a) => bool(!lt(a[0], a[1])), undefined, T.bool),
};

/** docker/cli templates.basicFunctions */
export const DOCKER_FUNCS: Record<string, FuncDef> = {
  json: fn([T.any], (a) => str(encodeJSON(a[0])), undefined, S),
  split: fn([S, S], (a) => new GoValue(strSlice, goSplit(String(a[0].v), String(a[1].v))), undefined, strSlice),
  join: fn([strSlice, S], (a) => str(((a[0].v ?? []) as unknown[]).map(String).join(String(a[1].v))), undefined, S),
  title: fn([S], (a) => str(goTitle(String(a[0].v))), undefined, S),
  lower: fn([S], (a) => str(mapString(String(a[0].v), "lower")), undefined, S),
  upper: fn([S], (a) => str(mapString(String(a[0].v), "upper")), undefined, S),
  pad: fn([S, I, I], (a) => str(a[0].v === "" ? "" : repeat(Number(a[1].v)) + a[0].v + repeat(Number(a[2].v))), undefined, S),
  truncate: fn([S, I], (a) => str(truncateBytes(String(a[0].v), Number(a[1].v))), undefined, S),
};

/** docker/cli templates.HeaderFunctions: headers stay intact (pad is not overridden). */
export const HEADER_FUNCS: Record<string, FuncDef> = {
  json: fn([S], (a) => a[0], undefined, S),
  split: fn([S, S], (a) => a[0], undefined, S),
  join: fn([S, S], (a) => a[0], undefined, S),
  title: fn([S], (a) => a[0], undefined, S),
  lower: fn([S], (a) => a[0], undefined, S),
  upper: fn([S], (a) => a[0], undefined, S),
  truncate: fn([S, I], (a) => a[0], undefined, S),
};
