/**
 * Go values for the template engine: a Go type descriptor beside a JavaScript value.
 *
 * Plain JavaScript data is typed the way encoding/json would decode it into `any`: objects are
 * map[string]interface {}, arrays []interface {}, integral numbers int, other numbers float64.
 * Callers who need Go struct semantics (field errors naming a Go type, `{a b}` printing,
 * methods such as `.Label "x"`) describe their types with the constructors below:
 *
 *   const Ctx = T.ptr(T.struct("formatter.ContainerContext"));
 *   execute(tmpl, typed(Ctx, { ID: () => "abc", Label: (k: string) => labels[k] ?? "" }))
 *
 * A struct whose `fields` is omitted takes its fields from the object's non-function properties
 * (in insertion order); its functions are its methods.
 */

export type BasicKind =
  | "bool"
  | "string"
  | "int"
  | "int8"
  | "int16"
  | "int32"
  | "int64"
  | "uint"
  | "uint8"
  | "uint16"
  | "uint32"
  | "uint64"
  | "uintptr"
  | "float32"
  | "float64"
  | "complex128";

export interface FieldDef {
  name: string;
  type: GoType;
  /** JSON name ("-" to skip); defaults to the field name. */
  json?: string;
  omitempty?: boolean;
  /** An embedded (anonymous) struct: its fields are promoted and live in the same JS object. */
  embedded?: boolean;
}

export interface FuncType {
  kind: "func";
  params: GoType[];
  /** Element type of a trailing ...param. */
  variadic?: GoType;
  /** Zero or one result; a function may also throw (Go's error result). */
  result?: GoType;
}

export type GoType =
  | { kind: BasicKind; name?: string }
  | { kind: "interface"; name?: string }
  | { kind: "struct"; name: string; fields?: FieldDef[]; methods?: Record<string, FuncType> }
  | { kind: "ptr"; elem: GoType }
  | { kind: "slice"; elem: GoType }
  | { kind: "map"; key: GoType; elem: GoType; name?: string; methods?: Record<string, MapMethod> }
  | FuncType
  | { kind: "reflect.Value" }
  | { kind: "invalid" };

/** A method on a named map type (Go allows them, e.g. formatter.SubHeaderContext.Label). */
export type MapMethod = (recv: any, ...args: any[]) => unknown;

/** A typed value. For interface types `v` is the dynamic GoValue or null (nil interface). */
export class GoValue {
  constructor(
    readonly t: GoType,
    readonly v: any,
  ) {}
}

/** A float64 whose value happens to be integral (plain JS numbers that are integers are ints). */
export class GoFloat {
  constructor(readonly value: number) {}
}

const basic = (kind: BasicKind, name?: string): GoType => (name ? { kind, name } : { kind });

export const T = {
  bool: basic("bool"),
  string: basic("string"),
  int: basic("int"),
  int64: basic("int64"),
  uint8: basic("uint8"),
  uint16: basic("uint16"),
  uint32: basic("uint32"),
  uint64: basic("uint64"),
  float64: basic("float64"),
  complex128: basic("complex128"),
  any: { kind: "interface" } as GoType,
  /** json.Number: what `docker inspect`'s raw fallback decodes numbers into. */
  jsonNumber: basic("string", "json.Number"),
  named: (kind: BasicKind, name: string): GoType => basic(kind, name),
  ptr: (elem: GoType): GoType => ({ kind: "ptr", elem }),
  slice: (elem: GoType): GoType => ({ kind: "slice", elem }),
  map: (elem: GoType, key: GoType = basic("string")): GoType => ({ kind: "map", key, elem }),
  struct: (name: string, fields?: FieldDef[], methods?: Record<string, FuncType>): GoType => ({
    kind: "struct",
    name,
    fields,
    methods,
  }),
  func: (params: GoType[], result?: GoType, variadic?: GoType): FuncType => ({ kind: "func", params, result, variadic }),
};

export const INVALID = new GoValue({ kind: "invalid" }, undefined);
export const REFLECT_VALUE: GoType = { kind: "reflect.Value" };

export function isValid(v: GoValue): boolean {
  return v.t.kind !== "invalid";
}

/** Go's reflect Type.String(). */
export function typeString(t: GoType): string {
  switch (t.kind) {
    case "interface":
      return t.name ?? "interface {}";
    case "struct":
      return t.name;
    case "ptr":
      return "*" + typeString(t.elem);
    case "slice":
      return "[]" + typeString(t.elem);
    case "map":
      return t.name ?? `map[${typeString(t.key)}]${typeString(t.elem)}`;
    case "func": {
      const ps = t.params.map(typeString);
      if (t.variadic) ps.push("..." + typeString(t.variadic));
      return `func(${ps.join(", ")})` + (t.result ? " " + typeString(t.result) : "");
    }
    case "reflect.Value":
      return "reflect.Value";
    case "invalid":
      return "<nil>";
    default:
      return t.name ?? t.kind;
  }
}

export function sameType(a: GoType, b: GoType): boolean {
  return a === b || typeString(a) === typeString(b);
}

/** Wraps a JS value as a Go value of static type t. */
export function wrap(t: GoType, js: unknown): GoValue {
  if (js instanceof GoValue) {
    if (t.kind === "interface" && js.t.kind !== "interface") return isValid(js) ? new GoValue(t, js) : new GoValue(t, null);
    return js;
  }
  if (t.kind === "interface") {
    const inner = fromJS(js);
    return new GoValue(t, isValid(inner) ? inner : null);
  }
  if (js instanceof GoFloat) return new GoValue(t, js.value);
  if (t.kind === "float64" && typeof js === "bigint") return new GoValue(t, Number(js));
  return new GoValue(t, js);
}

/** Types a JS value dynamically (as json.Unmarshal into `any` would, plus GoValue/GoFloat/functions). */
export function fromJS(js: unknown): GoValue {
  if (js instanceof GoValue) return js;
  if (js === null || js === undefined) return INVALID;
  if (js instanceof GoFloat) return new GoValue(T.float64, js.value);
  switch (typeof js) {
    case "string":
      return new GoValue(T.string, js);
    case "boolean":
      return new GoValue(T.bool, js);
    case "number":
      return Number.isSafeInteger(js) ? new GoValue(T.int, js) : new GoValue(T.float64, js);
    case "bigint":
      return new GoValue(T.int64, Number(js));
    case "function":
      return new GoValue(inferFunc(js as (...a: unknown[]) => unknown), js);
  }
  if (Array.isArray(js)) return new GoValue(T.slice(T.any), js);
  const tagged = (js as Record<symbol, unknown>)[GO_TYPE];
  if (tagged) return new GoValue(tagged as GoType, js);
  return new GoValue(T.map(T.any), js);
}

/** Optional symbol property by which a JS object declares its Go type. */
export const GO_TYPE = Symbol.for("layerlab.goType");

/** Attaches a Go type to a value: typed(T.map(T.string), labels), typed(ctxType, ctxObject). */
export function typed(t: GoType, js: unknown): GoValue {
  return wrap(t, js);
}

export function inferFunc(fn: (...a: unknown[]) => unknown): FuncType {
  return { kind: "func", params: new Array(fn.length).fill(T.any), result: T.any };
}

/** Unboxes interfaces: the concrete value inside, or INVALID for a nil interface. */
export function indirectInterface(v: GoValue): GoValue {
  let cur = v;
  while (cur.t.kind === "interface") {
    if (cur.v === null || cur.v === undefined) return INVALID;
    cur = cur.v as GoValue;
  }
  return cur;
}

/** Go's indirect(): through pointers and interfaces; isNil when a nil one stops the walk. */
export function indirect(v: GoValue): { v: GoValue; isNil: boolean } {
  let cur = v;
  for (;;) {
    if (cur.t.kind === "interface") {
      if (cur.v === null || cur.v === undefined) return { v: cur, isNil: true };
      cur = cur.v as GoValue;
    } else if (cur.t.kind === "ptr") {
      if (cur.v === null || cur.v === undefined) return { v: cur, isNil: true };
      cur = wrap(cur.t.elem, cur.v);
    } else return { v: cur, isNil: false };
  }
}

export function isIntKind(k: string): boolean {
  return k === "int" || k === "int8" || k === "int16" || k === "int32" || k === "int64";
}
export function isUintKind(k: string): boolean {
  return k === "uint" || k === "uint8" || k === "uint16" || k === "uint32" || k === "uint64" || k === "uintptr";
}
export function isFloatKind(k: string): boolean {
  return k === "float32" || k === "float64";
}

/** Struct fields: declared, or the object's own non-function properties. */
export function structFields(t: GoType & { kind: "struct" }, obj: any): FieldDef[] {
  if (t.fields) return t.fields;
  const out: FieldDef[] = [];
  if (obj && typeof obj === "object") {
    for (const k of Object.keys(obj)) {
      if (typeof obj[k] !== "function") out.push({ name: k, type: T.any });
    }
  }
  return out;
}

/** The JS value of a struct field (an embedded struct shares its parent's object). */
export function fieldRaw(obj: any, fd: FieldDef): unknown {
  if (fd.embedded) return obj ?? {};
  return obj ? obj[fd.name] : undefined;
}

/** Finds a field by name, through embedded structs; null when the struct has none. */
export function lookupField(t: GoType & { kind: "struct" }, obj: any, name: string): GoValue | null {
  const fields = structFields(t, obj);
  const fd = fields.find((f) => f.name === name);
  if (fd) {
    const raw = fieldRaw(obj, fd);
    return raw === undefined ? zeroValue(fd.type) : wrap(fd.type, raw);
  }
  for (const e of fields) {
    if (!e.embedded) continue;
    const et = e.type.kind === "ptr" ? e.type.elem : e.type;
    if (et.kind !== "struct") continue;
    const got = lookupField(et, obj, name);
    if (got) return got;
  }
  return null;
}

/** Entries of a map value (Map or plain object), or null for a nil map. */
export function mapEntries(m: any): [unknown, unknown][] | null {
  if (m === null || m === undefined) return null;
  if (m instanceof Map) return [...m.entries()];
  return Object.keys(m).map((k) => [k, m[k]]);
}

export function mapGet(m: any, key: unknown): { found: boolean; value?: unknown } {
  if (m === null || m === undefined) return { found: false };
  if (m instanceof Map) return m.has(key) ? { found: true, value: m.get(key) } : { found: false };
  const k = String(key);
  return Object.prototype.hasOwnProperty.call(m, k) ? { found: true, value: m[k] } : { found: false };
}

export function mapLen(m: any): number {
  if (m === null || m === undefined) return 0;
  return m instanceof Map ? m.size : Object.keys(m).length;
}

/** Keys sorted as Go's fmtsort does for basic key types. */
export function sortKeys(keys: unknown[]): unknown[] {
  return [...keys].sort((a, b) => {
    if (typeof a === "number" && typeof b === "number") return a - b;
    if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
    const sa = String(a);
    const sb = String(b);
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  });
}

/** The zero value of a type. */
export function zeroValue(t: GoType): GoValue {
  switch (t.kind) {
    case "bool":
      return new GoValue(t, false);
    case "string":
      return new GoValue(t, "");
    case "interface":
      return new GoValue(t, null);
    case "ptr":
    case "slice":
    case "map":
    case "func":
      return new GoValue(t, null);
    case "struct":
      return new GoValue(t, {});
    case "invalid":
    case "reflect.Value":
      return INVALID;
    default:
      return new GoValue(t, 0);
  }
}

/** The Go length of a string in bytes (UTF-8). */
export function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/**
 * A time.Time value from RFC 3339 text ("2026-11-23T11:25:09.189767233Z"): prints as Go's
 * String() ("2026-11-23 11:25:09.189767233 +0000 UTC") and marshals back to the RFC 3339 text.
 */
export function goTime(rfc3339: string): object {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$/.exec(rfc3339);
  const text = m
    ? `${m[1]} ${m[2]}${m[3] ? m[3].replace(/0+$/, "").replace(/\.$/, "") : ""} ` +
      (m[4] === "Z" ? "+0000 UTC" : `${m[4].replace(":", "")} ${m[4].replace(":", "")}`)
    : rfc3339;
  return {
    [GO_TYPE]: { kind: "struct", name: "time.Time", fields: [] } as GoType,
    String: () => text,
    MarshalJSON: () => JSON.stringify(rfc3339),
  };
}
