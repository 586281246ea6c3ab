/**
 * Values of the node model's JavaScript: numbers, strings, booleans, null and undefined are
 * JavaScript's own; arrays are arrays; objects are prototype-less records (so a script can
 * never reach the page's own objects through `constructor` or `__proto__`); functions,
 * promises, errors, dates, maps, sets and buffers are the classes below. util.inspect's
 * formatting (what console.log prints) is here too.
 */
import type { FnNode } from "./parse";
import { text, utf8 } from "../../../util/bytes";

export type JsObject = Record<string, unknown>;

export function newObject(init: Record<string, unknown> = {}): JsObject {
  const o = Object.create(null) as JsObject;
  for (const [k, v] of Object.entries(init)) o[k] = v;
  return o;
}

export function isPlainObject(v: unknown): v is JsObject {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === null;
}

export class JsFunction {
  props: JsObject = newObject();
  constructor(
    readonly node: FnNode,
    readonly scope: unknown,
    readonly thisVal: unknown,
    public name: string,
  ) {}
}

export type NativeImpl = (args: unknown[], thisVal: unknown) => unknown;

export class NativeFn {
  props: JsObject = newObject();
  constructor(
    public name: string,
    readonly fn: NativeImpl,
    /** Called with `new`: a constructor. */
    readonly construct?: (args: unknown[]) => unknown,
  ) {}
}

export class JsPromise {
  state: "pending" | "fulfilled" | "rejected" = "pending";
  value: unknown;
  handled = false;
  readonly p: Promise<unknown>;
  /** `onRejected` hears of a rejection at once; whether anyone handles it is decided later (Runtime.loop). */
  constructor(p: Promise<unknown>, onRejected?: (v: unknown, p: JsPromise) => void) {
    this.p = p.then(
      (v) => {
        this.state = "fulfilled";
        this.value = v;
        return v;
      },
      (e) => {
        this.state = "rejected";
        this.value = e instanceof Thrown ? e.value : e;
        onRejected?.(this.value, this);
        throw e;
      },
    );
    this.p.catch(() => {});
  }
}

export class JsError {
  props: JsObject = newObject();
  stack: string;
  constructor(
    public name: string,
    public message: string,
    where: string,
  ) {
    this.stack = `${name}${message ? ": " + message : ""}\n    at ${where}`;
  }
}

export class JsDate {
  constructor(public ms: number) {}
}

export class JsMap {
  constructor(readonly m: Map<unknown, unknown> = new Map()) {}
}

export class JsSet {
  constructor(readonly s: Set<unknown> = new Set()) {}
}

export class JsBuffer {
  constructor(readonly data: Uint8Array) {}
  toString(): string {
    return text(this.data);
  }
  static from(v: unknown): JsBuffer {
    return v instanceof JsBuffer ? v : new JsBuffer(utf8(String(v)));
  }
}

/** A JavaScript exception in flight. */
export class Thrown extends Error {
  constructor(readonly value: unknown) {
    super("thrown");
  }
}

export function typeOf(v: unknown): string {
  if (v === null) return "object";
  if (v instanceof JsFunction || v instanceof NativeFn) return "function";
  const t = typeof v;
  return t === "object" ? "object" : t;
}

export function toStr(v: unknown): string {
  if (v === undefined) return "undefined";
  if (v === null) return "null";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Object.is(v, -0) ? "0" : String(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return v.map((x) => (x === null || x === undefined ? "" : toStr(x))).join(",");
  if (v instanceof JsError) return v.message ? `${v.name}: ${v.message}` : v.name;
  if (v instanceof JsDate) return new Date(v.ms).toString().replace(/ \(.*\)$/, " (Coordinated Universal Time)");
  if (v instanceof JsBuffer) return v.toString();
  if (v instanceof JsFunction) return `function ${v.name}() { [code] }`;
  if (v instanceof NativeFn) return `function ${v.name}() { [native code] }`;
  return "[object Object]";
}

export function toNum(v: unknown): number {
  if (typeof v === "number") return v;
  if (v === null || v === false) return 0;
  if (v === true) return 1;
  if (v === undefined) return NaN;
  if (typeof v === "string") return v.trim() === "" ? 0 : Number(v);
  if (v instanceof JsDate) return v.ms;
  if (Array.isArray(v)) return v.length === 0 ? 0 : v.length === 1 ? toNum(v[0]) : NaN;
  return NaN;
}

export function truthy(v: unknown): boolean {
  return !(v === false || v === 0 || v === "" || v === null || v === undefined || Number.isNaN(v));
}

/** A plain copy JSON.stringify can take (functions dropped, dates as ISO strings). */
export function toPlain(v: unknown, seen = new Set<unknown>()): unknown {
  if (v instanceof JsDate) return new Date(v.ms).toISOString();
  if (v instanceof JsFunction || v instanceof NativeFn || v === undefined) return undefined;
  if (v instanceof JsBuffer) return { type: "Buffer", data: [...v.data] };
  if (v instanceof JsMap || v instanceof JsSet || v instanceof JsPromise) return {};
  if (v instanceof JsError) return { ...v.props };
  if (typeof v !== "object" || v === null) return v;
  if (seen.has(v)) throw new TypeError("Converting circular structure to JSON");
  seen.add(v);
  let out: unknown;
  if (Array.isArray(v)) out = v.map((x) => toPlain(x, seen) ?? null);
  else {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const p = toPlain(x, seen);
      if (p !== undefined) o[k] = p;
    }
    out = o;
  }
  seen.delete(v);
  return out;
}

/** JSON.parse's result as the model's values (prototype-less objects). */
export function fromPlain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(fromPlain);
  if (typeof v === "object" && v !== null) {
    const o = newObject();
    for (const [k, x] of Object.entries(v)) o[k] = fromPlain(x);
    return o;
  }
  return v;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** util.inspect, as console.log prints values (no colours). */
export function inspect(v: unknown, depth = 0, seen: unknown[] = []): string {
  if (typeof v === "string") return depth === 0 ? v : quote(v);
  return inspectValue(v, depth, seen);
}

function quote(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  return q + s.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(new RegExp(q, "g"), "\\" + q) + q;
}

function inspectValue(v: unknown, depth: number, seen: unknown[]): string {
  if (v === undefined) return "undefined";
  if (v === null) return "null";
  if (typeof v === "string") return quote(v);
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
  if (typeof v === "boolean") return String(v);
  if (v instanceof JsFunction) return `[${v.node.async ? "AsyncFunction" : "Function"}${v.name ? ": " + v.name : " (anonymous)"}]`;
  if (v instanceof NativeFn) return `[Function: ${v.name}]`;
  if (v instanceof JsError) return depth > 0 ? `[${v.stack.split("\n")[0]}]` : v.stack;
  if (v instanceof JsDate) return new Date(v.ms).toISOString();
  if (v instanceof JsPromise) return `Promise { ${v.state === "pending" ? "<pending>" : v.state === "rejected" ? "<rejected> " + inspectValue(v.value, depth + 1, seen) : inspectValue(v.value, depth + 1, seen)} }`;
  if (v instanceof JsBuffer) return `<Buffer ${[...v.data.subarray(0, 50)].map((b) => b.toString(16).padStart(2, "0")).join(" ")}${v.data.length > 50 ? ` ... ${v.data.length - 50} more bytes` : ""}>`;
  if (seen.includes(v)) return "[Circular *1]";
  if (v instanceof JsMap) {
    if (v.m.size === 0) return "Map(0) {}";
    return `Map(${v.m.size}) { ${[...v.m].map(([k, x]) => `${inspectValue(k, depth + 1, seen)} => ${inspectValue(x, depth + 1, seen)}`).join(", ")} }`;
  }
  if (v instanceof JsSet) {
    if (v.s.size === 0) return "Set(0) {}";
    return `Set(${v.s.size}) { ${[...v.s].map((x) => inspectValue(x, depth + 1, seen)).join(", ")} }`;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    if (depth > 2) return "[Array]";
    const items = v.map((x) => inspectValue(x, depth + 1, [...seen, v]));
    return wrap("[", items, "]", depth);
  }
  if (typeof v === "object") {
    const entries = Object.entries(v as object);
    if (entries.length === 0) return Object.getPrototypeOf(v) === null ? "{}" : "{}";
    if (depth > 2) return "[Object]";
    const items = entries.map(([k, x]) => `${IDENT.test(k) ? k : quote(k)}: ${inspectValue(x, depth + 1, [...seen, v])}`);
    return wrap("{", items, "}", depth);
  }
  return String(v);
}

function wrap(open: string, items: string[], close: string, depth: number): string {
  const one = `${open} ${items.join(", ")} ${close}`;
  if (one.length <= 72 && !items.some((i) => i.includes("\n"))) return one;
  const pad = "  ".repeat(depth + 1);
  return `${open}\n${items.map((i) => pad + i.replace(/\n/g, "\n" + pad)).join(",\n")}\n${"  ".repeat(depth)}${close}`;
}

/** util.format: %s %d %i %f %j %o %O %% in a leading string, the rest inspected. */
export function format(args: unknown[]): string {
  if (args.length === 0) return "";
  const out: string[] = [];
  let rest = args;
  if (typeof args[0] === "string" && args[0].includes("%")) {
    let i = 1;
    const first = args[0].replace(/%([sdifjoO%])/g, (m, c: string) => {
      if (c === "%") return "%";
      if (i >= args.length) return m;
      const a = args[i++];
      switch (c) {
        case "s":
          return typeof a === "string" ? a : inspect(a, 1);
        case "d":
        case "i":
          return String(c === "i" ? Math.trunc(toNum(a)) : toNum(a));
        case "f":
          return String(toNum(a));
        case "j":
          return JSON.stringify(toPlain(a));
        default:
          return inspect(a, 1);
      }
    });
    out.push(first);
    rest = args.slice(i);
  } else {
    out.push(inspect(args[0]));
    rest = args.slice(1);
  }
  for (const a of rest) out.push(inspect(a));
  return out.join(" ");
}
