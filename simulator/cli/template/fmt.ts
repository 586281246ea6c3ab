/**
 * Go's fmt package over GoValues: Sprint, Sprintln, Sprintf with Go's verbs, flags, widths,
 * precisions, argument indexes and its error forms (%!d(string=x), %!d(MISSING), %!(EXTRA ...)).
 * A nil argument is INVALID. The per-value printing is in printer.ts.
 */
import { newFlags, Printer } from "./printer";
import { GoValue, indirect, isIntKind, isUintKind, isValid, typeString } from "./value";

function parsenum(s: string, start: number, end: number): { num: number; ok: boolean; next: number } {
  if (start >= end) return { num: 0, ok: false, next: end };
  let num = 0;
  let ok = false;
  let i = start;
  for (; i < end && s[i] >= "0" && s[i] <= "9"; i++) {
    if (num > 1e6) return { num: 0, ok: false, next: end };
    num = num * 10 + (s.charCodeAt(i) - 48);
    ok = true;
  }
  return { num, ok, next: i };
}

function intFromArg(args: GoValue[], argNum: number): { num: number; isInt: boolean; argNum: number } {
  if (argNum >= args.length) return { num: 0, isInt: false, argNum };
  const a = indirectArg(args[argNum]);
  let num = 0;
  let isInt = false;
  if (isValid(a) && (isIntKind(a.t.kind) || isUintKind(a.t.kind))) {
    num = Number(a.v);
    isInt = true;
  }
  if (num > 1e6 || num < -1e6) {
    num = 0;
    isInt = false;
  }
  return { num, isInt, argNum: argNum + 1 };
}

function indirectArg(a: GoValue): GoValue {
  return a.t.kind === "interface" ? indirect(a).v : a;
}

/** fmt.Sprintf */
export function sprintf(format: string, args: GoValue[]): string {
  const p = new Printer();
  args = args.map((a) => (a.t.kind === "interface" ? (a.v ?? INVALID_ARG) : a));
  const end = format.length;
  let argNum = 0;
  let reordered = false;
  let goodArgNum = true;
  let afterIndex = false;

  const argNumber = (i: number): { i: number; found: boolean } => {
    if (i >= end || format[i] !== "[") return { i, found: false };
    reordered = true;
    let wid = 1;
    let ok = false;
    let index = 0;
    if (end - i >= 3) {
      for (let j = i + 1; j < end; j++) {
        if (format[j] === "]") {
          const r = parsenum(format, i + 1, j);
          wid = j - i + 1;
          if (r.ok && r.next === j) {
            ok = true;
            index = r.num - 1;
          }
          break;
        }
      }
    }
    if (ok && index >= 0 && index < args.length) {
      argNum = index;
      return { i: i + wid, found: true };
    }
    goodArgNum = false;
    return { i: i + wid, found: ok };
  };

  for (let i = 0; i < end; ) {
    goodArgNum = true;
    const lasti = i;
    while (i < end && format[i] !== "%") i++;
    if (i > lasti) p.buf += format.slice(lasti, i);
    if (i >= end) break;
    i++;
    p.f = newFlags();
    const f = p.f;
    let fast = false;
    for (; i < end; i++) {
      const c = format[i];
      if (c === "#") f.sharp = true;
      else if (c === "0") f.zero = !f.minus;
      else if (c === "+") f.plus = true;
      else if (c === "-") {
        f.minus = true;
        f.zero = false;
      } else if (c === " ") f.space = true;
      else {
        if (c >= "a" && c <= "z" && argNum < args.length) {
          if (c === "v") {
            f.sharpV = f.sharp;
            f.sharp = false;
            f.plusV = f.plus;
            f.plus = false;
          }
          p.printArg(args[argNum], c);
          argNum++;
          i++;
          fast = true;
        }
        break;
      }
    }
    if (fast) continue;
    let r = argNumber(i);
    i = r.i;
    afterIndex = r.found;
    if (i < end && format[i] === "*") {
      i++;
      const w = intFromArg(args, argNum);
      f.wid = w.num;
      f.widPresent = w.isInt;
      argNum = w.argNum;
      if (!f.widPresent) p.buf += "%!(BADWIDTH)";
      if (f.wid < 0) {
        f.wid = -f.wid;
        f.minus = true;
        f.zero = false;
      }
      afterIndex = false;
    } else {
      const n = parsenum(format, i, end);
      f.wid = n.num;
      f.widPresent = n.ok;
      i = n.next;
      if (afterIndex && f.widPresent) goodArgNum = false;
    }
    if (i + 1 < end && format[i] === ".") {
      i++;
      if (afterIndex) goodArgNum = false;
      r = argNumber(i);
      i = r.i;
      afterIndex = r.found;
      if (i < end && format[i] === "*") {
        i++;
        const pr = intFromArg(args, argNum);
        f.prec = pr.num;
        f.precPresent = pr.isInt;
        argNum = pr.argNum;
        if (f.prec < 0) {
          f.prec = 0;
          f.precPresent = false;
        }
        if (!f.precPresent) p.buf += "%!(BADPREC)";
        afterIndex = false;
      } else {
        const n = parsenum(format, i, end);
        f.prec = n.num;
        f.precPresent = n.ok;
        i = n.next;
        if (!f.precPresent) {
          f.prec = 0;
          f.precPresent = true;
        }
      }
    }
    if (!afterIndex) {
      r = argNumber(i);
      i = r.i;
      afterIndex = r.found;
    }
    if (i >= end) {
      p.buf += "%!(NOVERB)";
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === "%") p.buf += "%";
    else if (!goodArgNum) p.buf += "%!" + verb + "(BADINDEX)";
    else if (argNum >= args.length) p.buf += "%!" + verb + "(MISSING)";
    else {
      if (verb === "v") {
        f.sharpV = f.sharp;
        f.sharp = false;
        f.plusV = f.plus;
        f.plus = false;
      }
      p.printArg(args[argNum], verb);
      argNum++;
    }
  }
  if (!reordered && argNum < args.length) {
    p.f = newFlags();
    p.buf += "%!(EXTRA ";
    args.slice(argNum).forEach((a, i) => {
      if (i > 0) p.buf += ", ";
      if (!isValid(a)) p.buf += "<nil>";
      else {
        p.buf += typeString(a.t) + "=";
        p.printArg(a, "v");
      }
    });
    p.buf += ")";
  }
  return p.buf;
}

const INVALID_ARG = new GoValue({ kind: "invalid" }, undefined);

const isStringArg = (a: GoValue) => isValid(a) && a.t.kind === "string";

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: GoValue[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((raw, i) => {
    const a = raw.t.kind === "interface" ? (raw.v ?? INVALID_ARG) : raw;
    const isString = isStringArg(a);
    if (i > 0 && !isString && !prevString) p.buf += " ";
    p.f = newFlags();
    p.printArg(a, "v");
    prevString = isString;
  });
  return p.buf;
}

/** fmt.Sprintln: spaces between all operands and a newline. */
export function sprintln(args: GoValue[]): string {
  const p = new Printer();
  args.forEach((raw, i) => {
    const a = raw.t.kind === "interface" ? (raw.v ?? INVALID_ARG) : raw;
    if (i > 0) p.buf += " ";
    p.f = newFlags();
    p.printArg(a, "v");
  });
  return p.buf + "\n";
}
