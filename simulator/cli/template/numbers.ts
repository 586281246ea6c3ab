/**
 * Number literals of text/template (Go's parse.NumberNode): ints, uints, floats, hex/octal/binary
 * forms, underscores, character constants and imaginary numbers, with Go's error texts.
 */
import type { Item } from "./lex";
import type { NumberNode } from "./nodes";
import { unquoteBody } from "./strconv";

/** Thrown with the message the parser reports (it adds "template: NAME:LINE: "). */
export class NumberSyntaxError extends Error {}

function fail(msg: string): never {
  throw new NumberSyntaxError(msg);
}

/** Builds the NumberNode for a number, complex or character-constant item. */
export function newNumber(t: Item): NumberNode {
  const n: NumberNode = { type: "number", pos: t.pos, text: t.val, isInt: false, isUint: false, isFloat: false, isComplex: false, int: 0, float: 0 };
  if (t.typ === "charConstant") {
    const body = t.val.slice(1, -1);
    const s = unquoteBody(body, "'");
    const chars = s === null ? [] : [...s];
    if (s === null || chars.length !== 1 || (body === "'" )) fail(`malformed character constant: ${t.val}`);
    const r = chars[0].codePointAt(0)!;
    Object.assign(n, { isInt: true, isUint: true, isFloat: true, int: r, float: r });
    return n;
  }
  if (t.typ === "complex" || t.val.endsWith("i")) {
    const f = parseGoFloat(t.val.slice(0, -1));
    if (f === null) fail(`illegal number syntax: ${JSON.stringify(t.val)}`);
    n.isComplex = true;
    n.float = f;
    return n;
  }
  const i = parseGoInt(t.val);
  if (i !== null) {
    if (i >= 0n && i <= 0xffffffffffffffffn) n.isUint = true;
    if (i >= -(2n ** 63n) && i < 2n ** 63n) {
      n.isInt = true;
      n.int = Number(i);
    }
    if (n.isInt || n.isUint) {
      n.isFloat = true;
      n.float = Number(i);
    }
  }
  if (!n.isInt && !n.isUint) {
    const f = parseGoFloat(t.val);
    if (f !== null) {
      if (!/[.eEpP]/.test(t.val)) fail(`integer overflow: ${JSON.stringify(t.val)}`);
      n.isFloat = true;
      n.float = f;
      if (Number.isInteger(f) && Math.abs(f) < 2 ** 63) {
        n.isInt = true;
        n.int = f;
        if (f >= 0) n.isUint = true;
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) fail(`illegal number syntax: ${JSON.stringify(t.val)}`);
  return n;
}

function underscoreOK(s: string): boolean {
  return !s.includes("_") || /^[0-9a-fA-F]+(_[0-9a-fA-F]+)*$/.test(s);
}

/** strconv.ParseInt(s, 0, 64) without the range check; null on syntax errors. */
export function parseGoInt(text: string): bigint | null {
  let s = text;
  let neg = false;
  if (s[0] === "+" || s[0] === "-") {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  let base = 10;
  let prefixed = false;
  if (/^0[xX]/.test(s)) [base, s, prefixed] = [16, s.slice(2), true];
  else if (/^0[oO]/.test(s)) [base, s, prefixed] = [8, s.slice(2), true];
  else if (/^0[bB]/.test(s)) [base, s, prefixed] = [2, s.slice(2), true];
  else if (/^0\d/.test(s) || /^0_/.test(s)) [base, s] = [8, s.slice(1)];
  if (prefixed && s.startsWith("_")) s = s.slice(1);
  if (s === "" || !underscoreOK(s)) return null;
  s = s.replace(/_/g, "");
  const digits = "0123456789abcdef".slice(0, base);
  for (const c of s.toLowerCase()) if (!digits.includes(c)) return null;
  let v = 0n;
  for (const c of s.toLowerCase()) v = v * BigInt(base) + BigInt(digits.indexOf(c));
  return neg ? -v : v;
}

/** strconv.ParseFloat for Go literal syntax; null when malformed. */
export function parseGoFloat(text: string): number | null {
  const s = text.replace(/_/g, "");
  if (/^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)$/.test(s)) return Number(s);
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(s);
  if (hex && (hex[2] || hex[3])) {
    const mant = parseInt((hex[2] || "0") + (hex[3] || ""), 16) / 16 ** hex[3].length;
    const v = mant * 2 ** Number(hex[4]);
    return hex[1] === "-" ? -v : v;
  }
  const i = parseGoInt(text);
  return i === null ? null : Number(i);
}
