/** C printf conversions for the printf builtin: integers, strings and exactly rounded floats. */

export interface Spec {
  flags: string;
  width: number | null;
  prec: number | null;
  conv: string;
}

function pad(body: string, sign: string, spec: Spec, zeroOk: boolean): string {
  const w = spec.width ?? 0;
  const len = sign.length + body.length;
  if (len >= w) return sign + body;
  if (spec.flags.includes("-")) return sign + body + " ".repeat(w - len);
  if (spec.flags.includes("0") && zeroOk) return sign + "0".repeat(w - len) + body;
  return " ".repeat(w - len) + sign + body;
}

/** %d %i %o %u %x %X of a 64-bit value (signed for d/i, unsigned otherwise). */
export function formatInt(spec: Spec, v: bigint): string {
  const c = spec.conv;
  let sign = "";
  let digits: string;
  if (c === "d" || c === "i") {
    v = BigInt.asIntN(64, v);
    if (v < 0n) {
      sign = "-";
      v = -v;
    } else if (spec.flags.includes("+")) sign = "+";
    else if (spec.flags.includes(" ")) sign = " ";
    digits = v.toString(10);
  } else {
    v = BigInt.asUintN(64, v);
    digits = v.toString(c === "o" ? 8 : c === "u" ? 10 : 16);
    if (c === "X") digits = digits.toUpperCase();
  }
  if (spec.prec !== null) {
    if (spec.prec === 0 && v === 0n) digits = "";
    else digits = digits.padStart(spec.prec, "0");
  }
  if (spec.flags.includes("#")) {
    if (c === "o" && !digits.startsWith("0")) digits = "0" + digits;
    if ((c === "x" || c === "X") && v !== 0n) sign = c === "x" ? "0x" : "0X";
  }
  return pad(digits, sign, spec, spec.prec === null);
}

/** Exact decimal digits of |x| rounded half-to-even at `frac` fractional digits. */
function fixedDigits(x: number, frac: number): string {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(x));
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const exp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (exp === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = exp - 1075;
  }
  // value = mant * 2^e; scaled = value * 10^frac
  let num = mant * 10n ** BigInt(frac);
  let den = 1n;
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  let q = num / den;
  const r = num % den;
  if (r * 2n > den || (r * 2n === den && q % 2n === 1n)) q++;
  let s = q.toString().padStart(frac + 1, "0");
  if (frac > 0) s = s.slice(0, -frac) + "." + s.slice(-frac);
  return s;
}

/** Exponent form digits: [mantissa text with `prec` fraction digits, exponent]. */
function expDigits(x: number, prec: number): [string, number] {
  if (x === 0) return [prec > 0 ? "0." + "0".repeat(prec) : "0", 0];
  let e = Math.floor(Math.log10(Math.abs(x)));
  for (let tries = 0; tries < 3; tries++) {
    const scaled = Math.abs(x) / 10 ** e;
    let m = fixedDigits(e >= 0 ? Math.abs(x) / 10 ** e : Math.abs(x) * 10 ** -e, prec);
    if (!Number.isFinite(scaled)) break;
    if (parseFloat(m) >= 10) {
      e++;
      continue;
    }
    if (parseFloat(m) < 1) {
      e--;
      continue;
    }
    return [m, e];
  }
  const m = fixedDigits(Math.abs(x) / 10 ** e, prec);
  return [m, e];
}

export function formatFloat(spec: Spec, x: number): string {
  const c = spec.conv;
  const upper = c === "E" || c === "G";
  let sign = x < 0 || Object.is(x, -0) ? "-" : spec.flags.includes("+") ? "+" : spec.flags.includes(" ") ? " " : "";
  if (!Number.isFinite(x)) {
    const t = Number.isNaN(x) ? "nan" : "inf";
    if (Number.isNaN(x)) sign = spec.flags.includes("+") ? "+" : spec.flags.includes(" ") ? " " : "";
    return pad(upper ? t.toUpperCase() : t, sign, spec, false);
  }
  const ax = Math.abs(x);
  let prec = spec.prec ?? 6;
  let body: string;
  const expStr = (e: number): string => (e < 0 ? "-" : "+") + String(Math.abs(e)).padStart(2, "0");
  if (c === "f" || c === "F") {
    body = fixedDigits(ax, prec);
    if (prec === 0 && spec.flags.includes("#")) body += ".";
  } else if (c === "e" || c === "E") {
    const [m, e] = expDigits(ax, prec);
    body = m + (prec === 0 && spec.flags.includes("#") ? "." : "") + (upper ? "E" : "e") + expStr(e);
  } else {
    if (prec === 0) prec = 1;
    const [, e] = expDigits(ax, prec - 1);
    if (prec > e && e >= -4) body = fixedDigits(ax, prec - 1 - e);
    else {
      const [m] = expDigits(ax, prec - 1);
      body = m + "\u0000" + expStr(e);
    }
    if (!spec.flags.includes("#")) {
      const [mant, ex] = body.split("\u0000");
      let t = mant;
      if (t.includes(".")) t = t.replace(/0+$/, "").replace(/\.$/, "");
      body = ex === undefined ? t : t + "\u0000" + ex;
    }
    body = body.replace("\u0000", upper ? "E" : "e");
  }
  return pad(body, sign, spec, true);
}
