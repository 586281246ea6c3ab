/** C printf conversions (%d %u %x %o %c %s %e %f %g with flags, width, precision). */

export interface Spec {
  /** Any of "-+ #0". */
  flags: string;
  width: number | null;
  prec: number | null;
  /** The conversion character. */
  conv: string;
}

/** Parse "%-08.3f" style text (without the leading %) at `i`; returns the spec and the index after it. */
export function parseSpec(fmt: string, i: number): { spec: Spec; end: number; star: { width: boolean; prec: boolean } } | null {
  let flags = "";
  while (i < fmt.length && "-+ #0".includes(fmt[i])) flags += fmt[i++];
  let width: number | null = null;
  let prec: number | null = null;
  const star = { width: false, prec: false };
  if (fmt[i] === "*") {
    star.width = true;
    i++;
  } else {
    const m = /^\d+/.exec(fmt.slice(i));
    if (m) {
      width = +m[0];
      i += m[0].length;
    }
  }
  if (fmt[i] === ".") {
    i++;
    if (fmt[i] === "*") {
      star.prec = true;
      i++;
    } else {
      const m = /^\d+/.exec(fmt.slice(i));
      prec = m ? +m[0] : 0;
      if (m) i += m[0].length;
    }
  }
  // length modifiers are accepted and ignored
  while (i < fmt.length && "hlLqjzt".includes(fmt[i])) i++;
  if (i >= fmt.length) return null;
  return { spec: { flags, width, prec, conv: fmt[i] }, end: i + 1, star };
}

function pad(s: string, spec: Spec, numeric: boolean): string {
  const w = spec.width ?? 0;
  if (s.length >= w) return s;
  if (spec.flags.includes("-")) return s.padEnd(w);
  if (numeric && spec.flags.includes("0")) {
    const m = /^([+\- ]?(?:0[xX])?)(.*)$/.exec(s)!;
    if (!/^[a-zA-Z]/.test(m[2]) || /^[0-9a-fA-F]/.test(m[2])) return m[1] + m[2].padStart(w - m[1].length, "0");
  }
  return s.padStart(w);
}

function intText(v: bigint, spec: Spec): string {
  const c = spec.conv;
  let neg = false;
  let digits: string;
  if (c === "d" || c === "i") {
    neg = v < 0n;
    digits = (neg ? -v : v).toString();
  } else {
    const u = BigInt.asUintN(64, v);
    digits = u.toString(c === "o" ? 8 : c === "u" ? 10 : 16);
    if (c === "X") digits = digits.toUpperCase();
  }
  if (spec.prec !== null) {
    if (spec.prec === 0 && v === 0n) digits = "";
    digits = digits.padStart(spec.prec, "0");
  }
  let prefix = "";
  if (neg) prefix = "-";
  else if ((c === "d" || c === "i") && spec.flags.includes("+")) prefix = "+";
  else if ((c === "d" || c === "i") && spec.flags.includes(" ")) prefix = " ";
  if (spec.flags.includes("#") && v !== 0n) {
    if (c === "x") prefix += "0x";
    else if (c === "X") prefix += "0X";
    else if (c === "o" && !digits.startsWith("0")) digits = "0" + digits;
  }
  const s = prefix + digits;
  return pad(s, spec.prec !== null ? { ...spec, flags: spec.flags.replace(/0/g, "") } : spec, true);
}

function expText(v: number, p: number, upper: boolean): string {
  let s = v.toExponential(p);
  // JS writes e+5; C writes e+05
  s = s.replace(/e([+-])(\d)$/, "e$10$2");
  return upper ? s.toUpperCase() : s;
}

function floatText(v: number, spec: Spec): string {
  const c = spec.conv;
  const upper = c === "E" || c === "G" || c === "F";
  let body: string;
  const neg = v < 0 || Object.is(v, -0);
  const a = Math.abs(v);
  if (!isFinite(a)) body = isNaN(a) ? "nan" : "inf";
  else if (c === "f" || c === "F") body = a.toFixed(Math.min(spec.prec ?? 6, 100));
  else if (c === "e" || c === "E") body = expText(a, Math.min(spec.prec ?? 6, 100), upper);
  else {
    let p = spec.prec ?? 6;
    if (p === 0) p = 1;
    if (a === 0) body = "0";
    else {
      const e = Number(a.toExponential(p - 1).split("e")[1]);
      if (e < -4 || e >= p) body = expText(a, p - 1, upper);
      else body = a.toFixed(Math.max(0, p - 1 - e));
    }
    if (!spec.flags.includes("#")) {
      const k = body.search(/[eE]/);
      let mant = k < 0 ? body : body.slice(0, k);
      const exp = k < 0 ? "" : body.slice(k);
      if (mant.includes(".")) mant = mant.replace(/0+$/, "").replace(/\.$/, "");
      body = mant + exp;
    }
  }
  if (upper) body = body.toUpperCase();
  const prefix = neg && !isNaN(v) ? "-" : spec.flags.includes("+") ? "+" : spec.flags.includes(" ") ? " " : "";
  if (!isFinite(a)) return pad(prefix + body, { ...spec, flags: spec.flags.replace(/0/g, "") }, false);
  return pad(prefix + body, spec, true);
}

/** Format one value; integers accept number or bigint, strings for %s and %c. */
export function formatValue(spec: Spec, v: string | number | bigint): string {
  switch (spec.conv) {
    case "d":
    case "i":
    case "u":
    case "o":
    case "x":
    case "X":
      return intText(typeof v === "bigint" ? v : BigInt(Math.trunc(Number(v)) || 0), spec);
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G":
      return floatText(Number(v), spec);
    case "c": {
      const s = String(v);
      return pad(s === "" ? "" : [...s][0], spec, false);
    }
    default: {
      let s = String(v);
      if (spec.prec !== null) s = s.slice(0, spec.prec);
      return pad(s, spec, false);
    }
  }
}
