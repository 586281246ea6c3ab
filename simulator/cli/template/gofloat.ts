/**
 * Go's float formatting (strconv.FormatFloat) for the verbs e, f and g, with Go's rounding:
 * exact decimal expansion of the double, halfway cases rounded to even. Shortest formatting
 * (precision -1) uses the shortest digits that round-trip, as Go and JavaScript both do.
 *
 *   formatFloat(1982899 / 1e6, "g", 3)  -> "1.98"
 *   formatFloat(1e6, "g", -1)           -> "1e+06"
 *   formatFloat(0.125, "f", 2)          -> "0.12"   (JavaScript's toFixed says 0.13)
 */

/** Decimal digits without leading/trailing zeros; value = 0.digits × 10^dp. Empty digits = zero. */
interface Decimal {
  d: string;
  dp: number;
}

function exactDecimal(x: number): Decimal {
  if (x === 0) return { d: "", dp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  let digits: string;
  let dp: number;
  if (exp >= 0) {
    digits = (mant << BigInt(exp)).toString();
    dp = digits.length;
  } else {
    digits = (mant * 5n ** BigInt(-exp)).toString();
    dp = digits.length + exp;
  }
  return trim({ d: digits, dp });
}

function trim(v: Decimal): Decimal {
  let d = v.d;
  let dp = v.dp;
  let start = 0;
  while (start < d.length && d[start] === "0") start++;
  d = d.slice(start);
  dp -= start;
  let end = d.length;
  while (end > 0 && d[end - 1] === "0") end--;
  d = d.slice(0, end);
  if (d === "") dp = 0;
  return { d, dp };
}

function shortestDecimal(x: number): Decimal {
  if (x === 0) return { d: "", dp: 0 };
  const s = x.toExponential();
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) throw new Error("unexpected exponential form " + s);
  return trim({ d: m[1] + (m[2] ?? ""), dp: Number(m[3]) + 1 });
}

/** Rounds to nd significant digits (nd may be <= 0), halfway cases to even. */
function roundTo(v: Decimal, nd: number): Decimal {
  if (nd < 0 || v.d.length === 0) return { d: "", dp: 0 };
  if (nd >= v.d.length) return v;
  const next = v.d.charCodeAt(nd) - 48;
  let up: boolean;
  if (next > 5) up = true;
  else if (next < 5) up = false;
  else if (nd + 1 < v.d.length) up = true;
  else up = nd > 0 && (v.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  if (!up) return trim({ d: v.d.slice(0, nd), dp: v.dp });
  const ds = v.d.slice(0, nd).split("").map(Number);
  let i = nd - 1;
  while (i >= 0 && ds[i] === 9) i--;
  if (i < 0) return { d: "1", dp: v.dp + 1 };
  ds[i]++;
  return trim({ d: ds.slice(0, i + 1).join(""), dp: v.dp });
}

function digitAt(d: Decimal, i: number): string {
  return i >= 0 && i < d.d.length ? d.d[i] : "0";
}

function fmtE(d: Decimal, prec: number, ch: "e" | "E"): string {
  let s = d.d.length === 0 ? "0" : d.d[0];
  if (prec > 0) {
    s += ".";
    for (let i = 1; i <= prec; i++) s += digitAt(d, i);
  }
  let exp = d.d.length === 0 ? 0 : d.dp - 1;
  const sign = exp < 0 ? "-" : "+";
  if (exp < 0) exp = -exp;
  return s + ch + sign + (exp < 10 ? "0" : "") + String(exp);
}

function fmtF(d: Decimal, prec: number): string {
  let s = "";
  if (d.dp > 0) {
    for (let i = 0; i < d.dp; i++) s += digitAt(d, i);
  } else s = "0";
  if (prec > 0) {
    s += ".";
    for (let i = 0; i < prec; i++) s += digitAt(d, d.dp + i);
  }
  return s;
}

export type FloatVerb = "e" | "E" | "f" | "F" | "g" | "G";

/** strconv.FormatFloat(x, verb, prec, 64). */
export function formatFloat(x: number, verb: FloatVerb, prec: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "+Inf";
  if (x === -Infinity) return "-Inf";
  const neg = x < 0 || Object.is(x, -0);
  const abs = Math.abs(x);
  const shortest = prec < 0;
  let d: Decimal;
  if (shortest) {
    d = shortestDecimal(abs);
    if (verb === "e" || verb === "E") prec = Math.max(d.d.length - 1, 0);
    else if (verb === "f" || verb === "F") prec = Math.max(d.d.length - d.dp, 0);
    else prec = d.d.length;
  } else {
    const exact = exactDecimal(abs);
    if (verb === "e" || verb === "E") d = roundTo(exact, prec + 1);
    else if (verb === "f" || verb === "F") d = roundTo(exact, exact.dp + prec);
    else {
      if (prec === 0) prec = 1;
      d = roundTo(exact, prec);
    }
  }
  let body: string;
  if (verb === "e" || verb === "E") body = fmtE(d, prec, verb);
  else if (verb === "f" || verb === "F") body = fmtF(d, prec);
  else {
    let eprec = prec;
    const nd = d.d.length;
    if (eprec > nd && nd >= d.dp) eprec = nd;
    if (shortest) eprec = 6;
    const exp = d.dp - 1;
    if (nd !== 0 && (exp < -4 || exp >= eprec)) {
      if (prec > nd) prec = nd;
      body = fmtE(d, prec - 1, verb === "g" ? "e" : "E");
    } else {
      if (prec > d.dp) prec = nd;
      body = fmtF(d, Math.max(prec - d.dp, 0));
    }
  }
  return (neg ? "-" : "") + body;
}

/** Go's default float printing (%v): the shortest 'g' form. */
export function formatFloatV(x: number): string {
  return formatFloat(x, "g", -1);
}

/** %x on floats: Go's hexadecimal mantissa and binary exponent form (3.5 -> 0x1.cp+01). */
export function formatHexFloat(x: number, upper: boolean): string {
  if (!Number.isFinite(x)) return formatFloat(x, "g", -1);
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  let out: string;
  if (a === 0) out = "0x0p+00";
  else {
    let e = Math.floor(Math.log2(a));
    let m = a / 2 ** e;
    if (m >= 2) {
      m /= 2;
      e++;
    } else if (m < 1) {
      m *= 2;
      e--;
    }
    let frac = "";
    let r = m - 1;
    while (r > 0 && frac.length < 13) {
      r *= 16;
      const d = Math.floor(r);
      frac += d.toString(16);
      r -= d;
    }
    const es = (e < 0 ? "-" : "+") + String(Math.abs(e)).padStart(2, "0");
    out = "0x1" + (frac ? "." + frac : "") + "p" + es;
  }
  if (upper) out = out.toUpperCase();
  return (neg ? "-" : "") + out;
}
