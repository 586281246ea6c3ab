/**
 * awk values: numbers, strings and "strnums" (input that looks numeric compares as a number),
 * conversions as BusyBox's awk makes them, and arrays that iterate in BusyBox's hash order.
 */
import { formatValue, parseSpec } from "../lib/printf";

/** 0 uninitialised, 1 number, 2 string, 3 user input (a number if it parses completely). */
export interface Cell {
  t: 0 | 1 | 2 | 3;
  n: number;
  s: string;
}

export const uninit = (): Cell => ({ t: 0, n: 0, s: "" });
export const num = (n: number): Cell => ({ t: 1, n, s: "" });
export const str = (s: string): Cell => ({ t: 2, n: 0, s });
/** A value read from input: a strnum when the whole text is a number. */
export function user(s: string): Cell {
  return { t: 3, n: 0, s };
}

export class AwkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AwkError";
  }
}

/** strtod's prefix (BusyBox also reads 0x hex and leading-0 octal integers). Returns [value, chars used]. */
export function strtod(s: string): [number, number] {
  if (s[0] === "0" && s.length > 1) {
    const c = s[1].toLowerCase();
    if (c === "x") {
      const m = /^0[xX]([0-9a-fA-F]*)/.exec(s)!;
      return [m[1] ? parseInt(m[1], 16) : 0, m[1] ? m[0].length : 1];
    }
    if (/[0-9]/.test(c)) {
      const m = /^0[0-7]*/.exec(s)!;
      const next = s[m[0].length];
      if (next === undefined || (!/[0-9]/.test(next) && next !== ".")) return [parseInt(m[0], 8), m[0].length];
    }
  }
  const m = /^[ \t\n\v\f\r]*[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)/i.exec(s);
  if (!m) return [0, 0];
  const t = m[0].trim().toLowerCase().replace(/^\+/, "");
  const v = t.includes("inf") ? (t.startsWith("-") ? -Infinity : Infinity) : t.includes("nan") ? NaN : parseFloat(t);
  return [v, m[0].length];
}

export function toNum(c: Cell): number {
  switch (c.t) {
    case 1:
      return c.n;
    case 0:
      return 0;
    default:
      return strtod(c.s)[0];
  }
}

/** Is c compared as a number? (is_numeric: numbers, unset values, numeric-looking input) */
export function isNumeric(c: Cell): boolean {
  if (c.t === 1 || c.t === 0) return true;
  if (c.t === 2) return false;
  if (c.s === "") return false;
  const [, used] = strtod(c.s);
  return used > 0 && /^[ \t\n\v\f\r]*$/.test(c.s.slice(used));
}

/** A number as text: integral values exactly, others through CONVFMT/OFMT (fmt_num). */
export function fmtNum(n: number, fmt: string): string {
  if (Number.isInteger(n) && Math.abs(n) < 9.3e18) return n.toFixed(0).replace(/^-0$/, "0");
  if (Number.isNaN(n)) return n < 0 ? "-nan" : "nan";
  if (!Number.isFinite(n)) return n < 0 ? "-inf" : "inf";
  const last = fmt[fmt.length - 1] ?? "";
  const p = fmt.indexOf("%");
  const spec = p >= 0 ? parseSpec(fmt, p + 1) : null;
  if (!spec) throw new AwkError("Invalid format specifier");
  const out = fmt.slice(0, p) + formatValue(spec.spec, "diouxX".includes(last) ? BigInt(Math.trunc(n)) : n) + fmt.slice(spec.end);
  return out;
}

export function toStr(c: Cell, convfmt: string): string {
  return c.t === 1 ? fmtNum(c.n, convfmt) : c.s;
}

export function truthy(c: Cell): boolean {
  if (isNumeric(c)) return toNum(c) !== 0;
  return c.s !== "";
}

/** The hash BusyBox's awk files array elements under (hashidx, with signed chars). */
function hashidx(name: string): number {
  let idx = 0;
  for (const b of new TextEncoder().encode(name)) {
    const c = b >= 128 ? b - 256 : b;
    idx = (c + (idx << 6) - idx) >>> 0;
  }
  return idx;
}

const PRIMES = [251, 1021, 4093, 16381, 65521];

/** An associative array whose for-in order is BusyBox's bucket order. */
export class AwkArray {
  private readonly map = new Map<string, Cell>();
  private buckets: string[][] = Array.from({ length: 61 }, () => []);
  private nprime = 0;
  private nel = 0;

  get size(): number {
    return this.map.size;
  }
  has(k: string): boolean {
    return this.map.has(k);
  }
  get(k: string): Cell {
    let c = this.map.get(k);
    if (!c) {
      c = uninit();
      this.insert(k, c);
    }
    return c;
  }
  set(k: string, v: Cell): void {
    const c = this.get(k);
    c.t = v.t;
    c.n = v.n;
    c.s = v.s;
  }
  private insert(k: string, c: Cell): void {
    const h = hashidx(k);
    if (++this.nel > this.buckets.length * 8 && this.nprime < PRIMES.length) {
      const size = PRIMES[this.nprime++];
      const nb: string[][] = Array.from({ length: size }, () => []);
      for (const chain of this.buckets) for (const name of chain) nb[hashidx(name) % size].unshift(name);
      this.buckets = nb;
    }
    this.buckets[h % this.buckets.length].unshift(k);
    this.map.set(k, c);
  }
  delete(k: string): void {
    if (!this.map.delete(k)) return;
    const chain = this.buckets[hashidx(k) % this.buckets.length];
    chain.splice(chain.indexOf(k), 1);
    this.nel--;
  }
  clear(): void {
    this.map.clear();
    for (const b of this.buckets) b.length = 0;
    this.nel = 0;
  }
  keys(): string[] {
    const out: string[] = [];
    for (const chain of this.buckets) out.push(...chain);
    return out;
  }
}
