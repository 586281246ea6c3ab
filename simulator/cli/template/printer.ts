/**
 * The printer behind Go's fmt verbs (fmt/print.go, fmt/format.go) over GoValues: padding,
 * integers, floats, strings, %q, composite values ({a b}, [a b], map[k:v], &{...}), Stringer
 * and error methods, and the %!verb(type=value) forms for mismatches. fmt.ts drives it.
 */
import { formatFloat, formatHexFloat, type FloatVerb } from "./gofloat";
import { canBackquote, quote, quoteRune } from "./strconv";
import {
  fieldRaw,
  GoValue,
  isFloatKind,
  isIntKind,
  isUintKind,
  isValid,
  mapEntries,
  sortKeys,
  structFields,
  typeString,
  wrap,
  zeroValue,
} from "./value";

export interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
  wid: number;
  widPresent: boolean;
  prec: number;
  precPresent: boolean;
}

export const newFlags = (): Flags => ({
  plus: false,
  minus: false,
  sharp: false,
  space: false,
  zero: false,
  plusV: false,
  sharpV: false,
  wid: 0,
  widPresent: false,
  prec: 0,
  precPresent: false,
});

const runeCount = (s: string) => [...s].length;

export class Printer {
  buf = "";
  f: Flags = newFlags();

  pad(s: string): void {
    const f = this.f;
    if (!f.widPresent || f.wid === 0) {
      this.buf += s;
      return;
    }
    const width = f.wid - runeCount(s);
    if (width <= 0) this.buf += s;
    else if (!f.minus) this.buf += (f.zero ? "0" : " ").repeat(width) + s;
    else this.buf += s + " ".repeat(width);
  }

  truncate(s: string): string {
    if (this.f.precPresent) {
      const rs = [...s];
      if (rs.length > this.f.prec) return rs.slice(0, this.f.prec).join("");
    }
    return s;
  }

  fmtInteger(n: bigint, base: number, verb: string, upper: boolean): void {
    const f = this.f;
    const neg = n < 0n;
    let digits = (neg ? -n : n).toString(base);
    if (upper) digits = digits.toUpperCase();
    let prec = -1;
    if (f.precPresent) {
      prec = f.prec;
      if (prec === 0 && n === 0n) {
        const oldZero = f.zero;
        f.zero = false;
        this.pad(" ".repeat(0));
        f.zero = oldZero;
        return;
      }
    } else if (f.zero && !f.minus && f.widPresent) {
      prec = f.wid;
      if (neg || f.plus || f.space) prec--;
    }
    if (prec > digits.length) digits = "0".repeat(prec - digits.length) + digits;
    if (f.sharp) {
      if (base === 8 && digits[0] !== "0") digits = "0" + digits;
      else if (base === 16) digits = (upper ? "0X" : "0x") + digits;
      else if (base === 2) digits = "0b" + digits;
    }
    if (verb === "O") digits = "0o" + digits;
    if (neg) digits = "-" + digits;
    else if (f.plus) digits = "+" + digits;
    else if (f.space) digits = " " + digits;
    const oldZero = f.zero;
    f.zero = false;
    this.pad(digits);
    f.zero = oldZero;
  }

  fmtFloat(v: number, verb: string, prec: number): void {
    const f = this.f;
    if (f.precPresent) prec = f.prec;
    let num = formatFloat(v, verb as FloatVerb, prec);
    if (num[0] !== "-" && num[0] !== "+") num = "+" + num;
    if (f.space && num[0] === "+" && !f.plus) num = " " + num.slice(1);
    if (num[1] === "I" || num[1] === "N") {
      const oldZero = f.zero;
      f.zero = false;
      if (num[1] === "N" && !f.space && !f.plus) num = num.slice(1);
      this.pad(num);
      f.zero = oldZero;
      return;
    }
    if (f.plus || num[0] !== "+") {
      if (f.zero && !f.minus && f.widPresent && f.wid > num.length) {
        this.buf += num[0] + "0".repeat(f.wid - num.length) + num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  fmtString(s: string, verb: string): void {
    const f = this.f;
    switch (verb) {
      case "v":
        if (f.sharpV) this.pad(quote(s));
        else this.pad(this.truncate(s));
        return;
      case "s":
        this.pad(this.truncate(s));
        return;
      case "x":
      case "X": {
        let bytes = new TextEncoder().encode(s);
        if (f.precPresent && f.prec < bytes.length) bytes = bytes.slice(0, f.prec);
        const parts = [...bytes].map((b) => {
          const h = b.toString(16).padStart(2, "0");
          return verb === "X" ? h.toUpperCase() : h;
        });
        const pre = f.sharp ? (verb === "X" ? "0X" : "0x") : "";
        const out = f.space ? parts.map((p) => pre + p).join(" ") : pre + parts.join("");
        this.pad(out);
        return;
      }
      case "q": {
        const t = this.truncate(s);
        this.pad(f.sharp && canBackquote(t) ? "`" + t + "`" : quote(t, f.plus));
        return;
      }
    }
    this.badVerb(verb, new GoValue({ kind: "string" }, s), true);
  }

  badVerb(verb: string, arg: GoValue, _known = false): void {
    this.buf += "%!" + verb + "(";
    if (isValid(arg)) {
      this.buf += typeString(arg.t) + "=";
      const saved = this.f;
      this.f = newFlags();
      this.printValue(arg, "v", 0);
      this.f = saved;
    } else this.buf += "<nil>";
    this.buf += ")";
  }

  /** printArg: a top-level operand. */
  printArg(arg: GoValue, verb: string): void {
    if (!isValid(arg)) {
      if (verb === "T" || verb === "v") this.pad("<nil>");
      else this.badVerb(verb, arg);
      return;
    }
    if (verb === "T") {
      this.fmtString(typeString(arg.t), "s");
      return;
    }
    this.printValue(arg, verb, 0);
  }

  handleMethods(v: GoValue, verb: string): boolean {
    if (this.f.sharpV) return false;
    if (!"vsxXq".includes(verb)) return false;
    let obj: any = null;
    if (v.t.kind === "struct") obj = v.v;
    else if (v.t.kind === "ptr" && v.t.elem.kind === "struct") obj = v.v;
    if (!obj || typeof obj !== "object") return false;
    const m = typeof obj.Error === "function" ? obj.Error : typeof obj.String === "function" ? obj.String : null;
    if (!m || m.length !== 0) return false;
    this.fmtString(String(m.call(obj)), verb);
    return true;
  }

  printValue(v: GoValue, verb: string, depth: number): void {
    const f = this.f;
    if (depth > 0 && isValid(v) && this.handleMethods(v, verb)) return;
    if (depth === 0 && this.handleMethods(v, verb)) return;
    const t = v.t;
    const k = t.kind;
    if (k === "invalid") {
      if (depth === 0) this.buf += "<invalid reflect.Value>";
      else if (verb === "v") this.pad("<nil>");
      else this.badVerb(verb, v);
      return;
    }
    if (k === "bool") {
      if (verb === "t" || verb === "v") this.pad(v.v ? "true" : "false");
      else this.badVerb(verb, v);
      return;
    }
    if (isIntKind(k) || isUintKind(k)) {
      this.printInt(v, verb);
      return;
    }
    if (isFloatKind(k)) {
      switch (verb) {
        case "v":
          this.fmtFloat(v.v, "g", -1);
          return;
        case "b":
        case "g":
        case "G":
          this.fmtFloat(v.v, verb, -1);
          return;
        case "f":
        case "e":
        case "E":
        case "F":
          this.fmtFloat(v.v, verb, 6);
          return;
        case "x":
        case "X":
          this.pad(formatHexFloat(v.v, verb === "X"));
          return;
      }
      this.badVerb(verb, v);
      return;
    }
    if (k === "complex128") {
      this.buf += "(0+" + formatFloat(Number(v.v), "g", -1) + "i)";
      return;
    }
    if (k === "string") {
      this.fmtString(String(v.v), verb);
      return;
    }
    if (k === "interface") {
      const inner = v.v as GoValue | null;
      if (!inner) {
        if (f.sharpV) this.buf += typeString(t) + "(nil)";
        else this.pad("<nil>");
      } else this.printValue(inner, verb, depth + 1);
      return;
    }
    if (k === "map") {
      if (f.sharpV) {
        this.buf += typeString(t);
        if (v.v === null || v.v === undefined) {
          this.buf += "(nil)";
          return;
        }
        this.buf += "{";
      } else this.buf += "map[";
      const entries = mapEntries(v.v) ?? [];
      const byKey = new Map(entries);
      const keys = sortKeys(entries.map((e) => e[0]));
      keys.forEach((key, i) => {
        if (i > 0) this.buf += f.sharpV ? ", " : " ";
        this.printValue(wrap(t.key, key), verb, depth + 1);
        this.buf += ":";
        this.printValue(wrap(t.elem, byKey.get(key)), verb, depth + 1);
      });
      this.buf += f.sharpV ? "}" : "]";
      return;
    }
    if (k === "struct") {
      if (f.sharpV) this.buf += typeString(t);
      this.buf += "{";
      const fields = structFields(t, v.v);
      fields.forEach((fd, i) => {
        if (i > 0) this.buf += f.sharpV ? ", " : " ";
        if (f.plusV || f.sharpV) this.buf += fd.name + ":";
        const raw = fieldRaw(v.v, fd);
        this.printValue(raw === undefined ? zeroValue(fd.type) : wrap(fd.type, raw), verb, depth + 1);
      });
      this.buf += "}";
      return;
    }
    if (k === "slice") {
      const arr = v.v as unknown[] | null;
      if (f.sharpV) {
        this.buf += typeString(t);
        if (arr === null || arr === undefined) {
          this.buf += "(nil)";
          return;
        }
        this.buf += "{";
        arr.forEach((e, i) => {
          if (i > 0) this.buf += ", ";
          this.printValue(wrap(t.elem, e), verb, depth + 1);
        });
        this.buf += "}";
        return;
      }
      this.buf += "[";
      (arr ?? []).forEach((e, i) => {
        if (i > 0) this.buf += " ";
        this.printValue(wrap(t.elem, e), verb, depth + 1);
      });
      this.buf += "]";
      return;
    }
    if (k === "ptr") {
      if (depth === 0 && v.v !== null && v.v !== undefined) {
        const ek = t.elem.kind;
        if (ek === "struct" || ek === "slice" || ek === "map") {
          this.buf += "&";
          this.printValue(wrap(t.elem, v.v), verb, depth + 1);
          return;
        }
      }
      this.fmtPointer(v, verb);
      return;
    }
    if (k === "func") {
      this.fmtPointer(v, verb);
      return;
    }
    this.buf += "?";
  }

  fmtPointer(v: GoValue, verb: string): void {
    const nil = v.v === null || v.v === undefined;
    if (verb === "v") {
      if (nil) this.pad("<nil>");
      else this.pad("0xc000010000");
      return;
    }
    if (verb === "p") {
      this.pad(nil ? "0x0" : "0xc000010000");
      return;
    }
    this.badVerb(verb, v);
  }

  printInt(v: GoValue, verb: string): void {
    const n = BigInt(Math.trunc(Number(v.v)));
    const f = this.f;
    switch (verb) {
      case "v":
        if (f.sharpV && isUintKind(v.t.kind)) {
          const saved = f.sharp;
          f.sharp = true;
          this.fmtInteger(n, 16, "x", false);
          f.sharp = saved;
        } else this.fmtInteger(n, 10, "d", false);
        return;
      case "d":
        this.fmtInteger(n, 10, verb, false);
        return;
      case "b":
        this.fmtInteger(n, 2, verb, false);
        return;
      case "o":
      case "O":
        this.fmtInteger(n, 8, verb, false);
        return;
      case "x":
        this.fmtInteger(n, 16, verb, false);
        return;
      case "X":
        this.fmtInteger(n, 16, verb, true);
        return;
      case "c":
        this.pad(this.runeString(Number(n)));
        return;
      case "q":
        this.pad(quoteRune(Number(n), f.plus));
        return;
      case "U": {
        let s = "U+" + Number(n).toString(16).toUpperCase().padStart(f.precPresent ? Math.max(f.prec, 4) : 4, "0");
        if (f.sharp && Number(n) <= 0x10ffff && Number(n) >= 0) s += " '" + this.runeString(Number(n)) + "'";
        const oldZero = f.zero;
        f.zero = false;
        this.pad(s);
        f.zero = oldZero;
        return;
      }
    }
    this.badVerb(verb, v);
  }

  runeString(r: number): string {
    if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) return "\ufffd";
    return String.fromCodePoint(r);
  }
}
