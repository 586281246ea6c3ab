/**
 * Go's encoding/json output for GoValues, as docker's `json` template function prints it:
 * compact, no HTML escaping (docker calls SetEscapeHTML(false)), map keys sorted, struct fields
 * in declaration order (json names, omitempty), MarshalJSON methods honoured, floats in Go's
 * JSON form (1e+21, 1e-7, 0.000001).
 */
import { formatFloat } from "./gofloat";
import {
  GoValue,
  isFloatKind,
  isIntKind,
  isUintKind,
  mapEntries,
  structFields,
  typeString,
  wrap,
  type GoType,
} from "./value";

export class JSONError extends Error {}

export function jsonString(s: string, escapeHTML = false): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20) out += "\\u00" + c.toString(16).padStart(2, "0");
    else if (c === 0x2028 || c === 0x2029) out += "\\u" + c.toString(16);
    else if (c >= 0xd800 && c <= 0xdfff) out += "\\ufffd";
    else if (escapeHTML && (ch === "<" || ch === ">" || ch === "&")) out += "\\u00" + c.toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + '"';
}

/** Go's float64 JSON encoding. */
export function jsonFloat(f: number): string {
  if (!Number.isFinite(f)) throw new JSONError(`json: unsupported value: ${formatFloat(f, "g", -1)}`);
  const abs = Math.abs(f);
  let fmt: "e" | "f" = "f";
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) fmt = "e";
  let s = formatFloat(f, fmt, -1);
  if (fmt === "e") s = s.replace(/e-0(\d)$/, "e-$1");
  return s;
}

function isEmptyValue(v: GoValue): boolean {
  const k = v.t.kind;
  if (k === "bool") return v.v === false;
  if (k === "string") return v.v === "";
  if (isIntKind(k) || isUintKind(k) || isFloatKind(k)) return Number(v.v) === 0;
  if (k === "slice") return !v.v || (v.v as unknown[]).length === 0;
  if (k === "map") return !v.v || (mapEntries(v.v) ?? []).length === 0;
  if (k === "ptr" || k === "interface" || k === "func") return v.v === null || v.v === undefined;
  return false;
}

export function encodeJSON(v: GoValue, escapeHTML = false): string {
  const t = v.t;
  const k = t.kind;
  if (k === "invalid") return "null";
  if (k === "interface") return v.v ? encodeJSON(v.v as GoValue, escapeHTML) : "null";
  if (k === "bool") return v.v ? "true" : "false";
  if (isIntKind(k) || isUintKind(k)) return String(Math.trunc(Number(v.v)));
  if (isFloatKind(k)) return jsonFloat(Number(v.v));
  if (k === "string") {
    if ((t as { name?: string }).name === "json.Number") return String(v.v) === "" ? "0" : String(v.v);
    return jsonString(String(v.v), escapeHTML);
  }
  if (k === "slice") {
    if (v.v === null || v.v === undefined) return "null";
    return "[" + (v.v as unknown[]).map((e) => encodeJSON(wrap(t.elem, e), escapeHTML)).join(",") + "]";
  }
  if (k === "map") {
    const entries = mapEntries(v.v);
    if (entries === null) return "null";
    const items = entries.map(([key, val]) => [String(key), encodeJSON(wrap(t.elem, val), escapeHTML)] as const);
    items.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return "{" + items.map(([key, val]) => jsonString(key, escapeHTML) + ":" + val).join(",") + "}";
  }
  if (k === "ptr") {
    if (v.v === null || v.v === undefined) return "null";
    return encodeJSON(wrap(t.elem, v.v), escapeHTML);
  }
  if (k === "struct") {
    const obj = v.v ?? {};
    if (typeof obj.MarshalJSON === "function") return compact(String(obj.MarshalJSON()));
    return "{" + structJSONParts(t, obj, escapeHTML).join(",") + "}";
  }
  if (k === "complex128") throw new JSONError("json: unsupported type: complex128");
  throw new JSONError(`json: unsupported type: ${typeString(t)}`);
}

function structJSONParts(t: GoType & { kind: "struct" }, obj: any, escapeHTML: boolean): string[] {
    const parts: string[] = [];
    for (const fd of structFields(t, obj)) {
      if (fd.embedded && fd.json === undefined) {
        const et = fd.type.kind === "ptr" ? fd.type.elem : fd.type;
        if (et.kind === "struct") {
          parts.push(...structJSONParts(et, obj, escapeHTML));
          continue;
        }
      }
      const name = fd.json ?? fd.name;
      if (name === "-") continue;
      const raw = obj[fd.name];
      const fv = raw === undefined ? zeroJSON(fd.type) : wrap(fd.type, raw);
      if (fd.omitempty && isEmptyValue(fv)) continue;
      parts.push(jsonString(name, escapeHTML) + ":" + encodeJSON(fv, escapeHTML));
    }
    return parts;
}

function zeroJSON(t: GoType): GoValue {
  if (t.kind === "string") return new GoValue(t, "");
  if (t.kind === "bool") return new GoValue(t, false);
  if (isIntKind(t.kind) || isUintKind(t.kind) || isFloatKind(t.kind)) return new GoValue(t, 0);
  if (t.kind === "struct") return new GoValue(t, {});
  return new GoValue(t, null);
}

/** Removes insignificant whitespace from JSON text (json.Compact). */
export function compact(s: string): string {
  let out = "";
  let inStr = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inStr) {
      out += c;
      if (c === "\\") out += s[++i] ?? "";
      else if (c === '"') inStr = false;
    } else if (c === '"') {
      inStr = true;
      out += c;
    } else if (c !== " " && c !== "\n" && c !== "\t" && c !== "\r") out += c;
  }
  return out;
}
