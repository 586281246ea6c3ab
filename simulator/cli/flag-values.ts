/**
 * Flag values as pflag's Value types (and docker's opts types) parse them, with their error
 * texts: strconv.ParseBool/ParseInt/ParseUint, time.ParseDuration, go-units sizes, decimals,
 * CSV string slices, repeatable lists and key=value maps.
 */
import { ramInBytes } from "./formatter/units";
import type { FlagDef, FlagValue } from "./flags";

const TRUE_WORDS = ["1", "t", "T", "TRUE", "true", "True"];
const FALSE_WORDS = ["0", "f", "F", "FALSE", "false", "False"];

/** strconv.ParseInt(s, 0, bits) error text, or the value. */
function parseInt0(s: string, bits: number, unsigned: boolean): { ok: true; value: number } | { ok: false; error: string } {
  const fn = unsigned ? "strconv.ParseUint" : "strconv.ParseInt";
  const bad = { ok: false as const, error: `${fn}: parsing ${JSON.stringify(s)}: invalid syntax` };
  let t = s;
  let neg = false;
  if (!unsigned && (t[0] === "+" || t[0] === "-")) {
    neg = t[0] === "-";
    t = t.slice(1);
  }
  let base = 10n;
  let body = t;
  if (/^0[xX]/.test(t)) [base, body] = [16n, t.slice(2)];
  else if (/^0[bB]/.test(t)) [base, body] = [2n, t.slice(2)];
  else if (/^0[oO]/.test(t)) [base, body] = [8n, t.slice(2)];
  else if (/^0./.test(t)) [base, body] = [8n, t.slice(1)];
  if (body.startsWith("_") && base !== 10n) body = body.slice(1);
  if (body === "" || /__|_$|^_/.test(body)) return bad;
  if (base === 10n && body.includes("_")) return bad;
  body = body.replace(/_/g, "");
  const digits = "0123456789abcdef".slice(0, Number(base));
  let v = 0n;
  for (const c of body.toLowerCase()) {
    const d = digits.indexOf(c);
    if (d < 0) return bad;
    v = v * base + BigInt(d);
  }
  if (neg) v = -v;
  const max = unsigned ? (1n << BigInt(bits)) - 1n : (1n << BigInt(bits - 1)) - 1n;
  const min = unsigned ? 0n : -(1n << BigInt(bits - 1));
  if (v > max || v < min) return { ok: false, error: `${fn}: parsing ${JSON.stringify(s)}: value out of range` };
  return { ok: true, value: Number(v) };
}

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, "μs": 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };

/** time.ParseDuration, in milliseconds. */
export function parseDuration(s: string): { ok: true; ms: number } | { ok: false; error: string } {
  const quoted = JSON.stringify(s);
  let t = s;
  let neg = false;
  if (t[0] === "-" || t[0] === "+") {
    neg = t[0] === "-";
    t = t.slice(1);
  }
  if (t === "0") return { ok: true, ms: 0 };
  if (t === "") return { ok: false, error: `time: invalid duration ${quoted}` };
  let total = 0;
  while (t !== "") {
    const m = /^(\d*)(\.(\d*))?/.exec(t)!;
    if ((m[1] === "" && (m[3] ?? "") === "") || m[0] === ".") return { ok: false, error: `time: invalid duration ${quoted}` };
    t = t.slice(m[0].length);
    const u = /^[^\d.]*/.exec(t)![0];
    if (u === "") return { ok: false, error: `time: missing unit in duration ${quoted}` };
    const mult = UNITS[u];
    if (mult === undefined) return { ok: false, error: `time: unknown unit ${JSON.stringify(u)} in duration ${quoted}` };
    t = t.slice(u.length);
    total += Number(`${m[1] || "0"}.${m[3] || "0"}`) * mult;
  }
  return { ok: true, ms: neg ? -total : total };
}

export function zeroOf(def: FlagDef): FlagValue {
  if (def.default !== undefined) return Array.isArray(def.default) ? [...def.default] : def.default;
  switch (def.type) {
    case "bool":
      return false;
    case "string":
    case "duration":
      return def.type === "duration" ? 0 : "";
    case "stringArray":
    case "stringSlice":
    case "list":
    case "filter":
      return [];
    case "map":
      return {};
    case "bytes":
    case "decimal":
    default:
      return 0;
  }
}

/** Applies one value to a flag (pflag Value.Set); returns the error text pflag wraps. */
export function setValue(def: FlagDef, value: string, values: Record<string, FlagValue>, changed: boolean): string | null {
  let v = value;
  if (def.validate) {
    const r = def.validate(v);
    if (!r.ok) return r.error;
    if (r.value !== undefined) v = r.value;
  }
  const name = def.long;
  switch (def.type) {
    case "bool":
      if (TRUE_WORDS.includes(v)) values[name] = true;
      else if (FALSE_WORDS.includes(v)) values[name] = false;
      else return `strconv.ParseBool: parsing ${JSON.stringify(v)}: invalid syntax`;
      return null;
    case "string":
      values[name] = v;
      return null;
    case "int":
    case "int64": {
      const r = parseInt0(v, 64, false);
      if (!r.ok) return r.error;
      values[name] = r.value;
      return null;
    }
    case "uint":
    case "uint64":
    case "uint16": {
      const r = parseInt0(v, def.type === "uint16" ? 16 : 64, true);
      if (!r.ok) return r.error;
      values[name] = r.value;
      return null;
    }
    case "duration": {
      const r = parseDuration(v);
      if (!r.ok) return r.error;
      values[name] = r.ms;
      return null;
    }
    case "bytes": {
      const r = ramInBytes(v);
      if (!r.ok) return r.error;
      values[name] = r.value;
      return null;
    }
    case "decimal": {
      const n = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v) ? Number(v) : NaN;
      if (Number.isNaN(n)) return `failed to parse ${v} as a rational number`;
      values[name] = n;
      return null;
    }
    case "stringSlice": {
      const parts = v === "" ? [] : parseCSV(v);
      if (parts === null) return `parse error on line 1, column ${v.length}: extraneous or missing " in quoted-field`;
      values[name] = changed ? [...(values[name] as string[]), ...parts] : parts;
      return null;
    }
    case "map": {
      const m = { ...(values[name] as Record<string, string>) };
      const eq = v.indexOf("=");
      if (eq < 0) m[v] = "";
      else m[v.slice(0, eq)] = v.slice(eq + 1);
      values[name] = m;
      return null;
    }
    case "stringArray":
      values[name] = changed ? [...(values[name] as string[]), v] : [v];
      return null;
    default:
      values[name] = [...(values[name] as string[]), v];
      return null;
  }
}

function parseCSV(s: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  while (i <= s.length) {
    if (s[i] === '"') {
      let field = "";
      i++;
      for (;;) {
        if (i >= s.length) return null;
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += s[i++];
      }
      out.push(field);
      if (i < s.length && s[i] !== ",") return null;
      i++;
    } else {
      const j = s.indexOf(",", i);
      const end = j < 0 ? s.length : j;
      out.push(s.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}
