/**
 * bash's array variables in the shell: subscripts in expansions (${a[k]}, ${a[@]}, ${!a[@]},
 * ${!name}), assignments with subscripts, `+=` and compound lists (a=(x y), a+=(z),
 * declare -A m=([k]=v)), and bash's texts for their errors ("a: bad array subscript").
 */
import { ShArray } from "./arrays";
import type { Word, WordPart } from "./ast";
import { arithmetic, EXP_FULL, EXP_TILDE, EXP_VARTILDE, expandString, expandWord } from "./expand";
import { paramValue } from "./params";
import type { Shell } from "./shell";
import type { Var } from "./vars";

/** An assignment word taken apart: name, subscript parts (null: none), `+=`, and the value parts. */
export interface AssignParts {
  name: string;
  sub: WordPart[] | null;
  append: boolean;
  value: WordPart[];
  /** The word's source text up to the "=" ("r[$k]"), for messages. */
  lhs: string;
}

/** Split `name[sub]+=value` (the word's text must satisfy lexer.assignLength). */
export function splitAssign(w: Word): AssignParts | null {
  const parts = w.parts;
  const first = parts[0];
  if (!first || first.k !== "lit") return null;
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(first.s);
  if (!m) return null;
  const name = m[0];
  let sub: WordPart[] | null = null;
  // position: part index and offset within a literal part
  let pi = 0;
  let off = name.length;
  const rest = (): WordPart[] => {
    const p = parts[pi];
    const tail: WordPart[] = [];
    if (p && p.k === "lit" && off < p.s.length) tail.push({ k: "lit", s: p.s.slice(off) });
    else if (p && p.k !== "lit") tail.push(p);
    return [...tail, ...parts.slice(pi + 1)];
  };
  if (first.s[off] === "[") {
    off++;
    sub = [];
    let depth = 0;
    for (;;) {
      const p = parts[pi];
      if (!p) return null;
      if (p.k !== "lit") {
        sub.push(p);
        pi++;
        off = 0;
        continue;
      }
      let closed = false;
      let acc = "";
      for (; off < p.s.length; off++) {
        const ch = p.s[off];
        if (ch === "]" && depth === 0) {
          closed = true;
          off++;
          break;
        }
        if (ch === "[") depth++;
        else if (ch === "]") depth--;
        acc += ch;
      }
      if (acc) sub.push({ k: "lit", s: acc });
      if (closed) break;
      pi++;
      off = 0;
    }
  }
  let p = parts[pi];
  if (p && p.k === "lit" && off >= p.s.length) {
    pi++;
    off = 0;
    p = parts[pi];
  }
  if (!p || p.k !== "lit") return null;
  let append = false;
  if (p.s[off] === "+") {
    append = true;
    off++;
  }
  if (p.s[off] !== "=") return null;
  off++;
  const raw = w.raw ?? w.text;
  const lhs = raw.slice(0, raw.indexOf(append ? "+=" : "="));
  return { name, sub, append, value: rest(), lhs };
}

/** The word needs bash's assignment handling (a subscript, `+=` or a compound list). */
export function isBashAssign(a: AssignParts): boolean {
  return a.sub !== null || a.append || a.value.some((p) => p.k === "arr");
}

async function badSubscript(sh: Shell, what: string): Promise<void> {
  await sh.msg(`${what}: bad array subscript`);
}

/** A subscript's key: an associative key as text, an index by arithmetic (negative from the end). null: bad. */
export async function subscriptKey(sh: Shell, v: Var | undefined, sub: WordPart[], forAssign: boolean): Promise<string | null> {
  const text = await expandString(sh, sub, true);
  if (v?.arr?.assoc) return text === "" ? null : text;
  let n = Number(await arithmetic(sh, [{ k: "q", s: text }]));
  if (n < 0) {
    const max = v?.arr ? v.arr.maxIndex() : v && v.value !== null ? 0 : -1;
    n = max + 1 + n;
    if (n < 0 || forAssign) return n < 0 ? null : String(n);
  }
  return String(n);
}

/** Set one element (an unset or scalar variable becomes an indexed array). */
export async function setElement(sh: Shell, name: string, key: string, value: string, append: boolean): Promise<void> {
  let v = sh.vars.lookup(name);
  if (v?.readonly) await sh.raise(`${name}: readonly variable`, 1);
  if (!v) {
    v = { value: null, exported: false, readonly: false };
    sh.vars.map.set(name, v);
  }
  if (!v.arr) {
    v.arr = new ShArray(false);
    if (v.value !== null) v.arr.set("0", v.value);
    v.value = null;
  }
  v.arr.set(key, append ? (v.arr.get(key) ?? "") + value : value);
}

/** Values of a variable as a list (${a[@]}): all elements, or a set scalar alone. */
function valuesOf(v: Var | undefined): string[] {
  if (!v) return [];
  if (v.arr) return v.arr.values();
  return v.value === null ? [] : [v.value];
}

function keysOf(v: Var | undefined): string[] {
  if (!v) return [];
  if (v.arr) return [...v.arr.keys()];
  return v.value === null ? [] : ["0"];
}

export interface BashParam {
  name: string;
  at: "@" | "*" | null;
  items: string[] | null;
  val: string | undefined;
  /** The element a ${a[k]=word} would assign. */
  elem: { arr: string; key: string } | null;
}

/** Resolve a bash parameter with a subscript or a "!" (or a plain array name). */
export async function bashParam(sh: Shell, p: WordPart & { k: "param" }): Promise<BashParam> {
  let name = p.name;
  let sub = p.sub;
  if (p.bang && sub !== "@" && sub !== "*") {
    // ${!name}: the parameter named by name's value
    const target = paramValue(sh, name) ?? "";
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[(.*)\])?$/s.exec(target);
    if (!m && !/^(\d+|[@*#?$!-])$/.test(target)) {
      await sh.raise(`${target}: invalid indirect expansion`, 1);
    }
    if (!m) return { name: target, at: null, items: null, val: paramValue(sh, target), elem: null };
    name = m[1];
    sub = m[2] === undefined ? undefined : m[2] === "@" || m[2] === "*" ? m[2] : [{ k: "lit", s: m[2] }];
    if (sub === undefined) return { name, at: null, items: null, val: sh.getVar(name), elem: null };
  }
  const v = sh.vars.lookup(name);
  if (sub === "@" || sub === "*") {
    const items = p.bang && p.sub !== undefined && p.sub === sub ? keysOf(v) : valuesOf(v);
    return { name, at: sub, items, val: undefined, elem: null };
  }
  if (sub === undefined) return { name, at: null, items: null, val: sh.getVar(name), elem: { arr: name, key: "0" } };
  const key = await subscriptKey(sh, v, sub, false);
  if (key === null) {
    await badSubscript(sh, name);
    return { name, at: null, items: null, val: undefined, elem: null };
  }
  const val = v?.arr ? v.arr.get(key) : key === "0" && v && v.value !== null ? v.value : undefined;
  return { name, at: null, items: null, val, elem: { arr: name, key } };
}

/**
 * Run a bash assignment word (subscript, += or compound list). `kind` forces the array type
 * (declare -a / -A); `local` makes the name local first. Returns false after a bad subscript
 * (the message printed).
 */
export async function bashAssign(sh: Shell, a: AssignParts, kind: "a" | "A" | null = null): Promise<boolean> {
  const { name, sub, append } = a;
  const v0 = sh.vars.lookup(name);
  if (v0?.readonly) await sh.raise(`${name}: readonly variable`, 1);
  const list = a.value.length === 1 && a.value[0].k === "arr" ? a.value[0].words : null;
  if (sub !== null) {
    const key = await subscriptKey(sh, v0?.arr ? v0 : kind === "A" ? { value: null, exported: false, readonly: false, arr: new ShArray(true) } : v0, sub, true);
    if (key === null) {
      await badSubscript(sh, a.lhs);
      return false;
    }
    if (kind && !v0?.arr) makeArray(sh, name, kind === "A");
    await setElement(sh, name, key, await expandString(sh, a.value, false, EXP_VARTILDE), append);
    return true;
  }
  if (list === null) {
    const value = await expandString(sh, a.value, false, EXP_VARTILDE);
    if (kind && !v0?.arr) makeArray(sh, name, kind === "A");
    const v = sh.vars.lookup(name);
    if (v?.arr) {
      await setElement(sh, name, "0", value, append);
      return true;
    }
    await sh.setVar(name, append ? (sh.vars.get(name) ?? "") + value : value);
    return true;
  }
  // name=(...) / name+=(...)
  const assoc = kind === "A" || (kind === null && !!v0?.arr?.assoc);
  const arr = append && v0?.arr ? v0.arr : new ShArray(assoc);
  if (append && !v0?.arr && v0 && v0.value !== null) arr.set("0", v0.value);
  let next = arr.assoc ? 0 : arr.maxIndex() + 1;
  let pendingKey: string | null = null;
  for (const w of list) {
    const el = w.parts[0]?.k === "lit" && w.parts[0].s.startsWith("[") ? splitElement(w) : null;
    if (el) {
      const holder: Var = { value: null, exported: false, readonly: false, arr };
      const key = await subscriptKey(sh, holder, el.sub, true);
      if (key === null) {
        await badSubscript(sh, `[${await expandString(sh, el.sub, true)}]=${await expandString(sh, el.value, false)}`);
        continue;
      }
      const value = await expandString(sh, el.value, false, EXP_VARTILDE);
      arr.set(key, el.append ? (arr.get(key) ?? "") + value : value);
      if (!arr.assoc) next = Number(key) + 1;
      continue;
    }
    for (const value of await expandWord(sh, w, EXP_FULL | EXP_TILDE)) {
      if (arr.assoc) {
        // bash 5.1+: key value pairs
        if (pendingKey === null) pendingKey = value;
        else {
          arr.set(pendingKey, value);
          pendingKey = null;
        }
      } else arr.set(String(next++), value);
    }
  }
  if (pendingKey !== null) arr.set(pendingKey, "");
  const v = sh.vars.lookup(name);
  if (v) {
    v.arr = arr;
    v.value = null;
  } else sh.vars.map.set(name, { value: null, exported: false, readonly: false, arr });
  return true;
}

/** `[k]=v` / `[k]+=v` inside a compound list. */
function splitElement(w: Word): { sub: WordPart[]; append: boolean; value: WordPart[] } | null {
  const fake: Word = { parts: [{ k: "lit", s: "x" }, ...w.parts], text: "x" + w.text, quoted: w.quoted };
  const first = w.parts[0];
  if (first.k !== "lit") return null;
  fake.parts = [{ k: "lit", s: "x" + first.s }, ...w.parts.slice(1)];
  const a = splitAssign(fake);
  if (!a || a.sub === null) return null;
  return { sub: a.sub, append: a.append, value: a.value };
}

/** Turn a name into an empty array of the kind asked (keeping a scalar value as element 0). */
export function makeArray(sh: Shell, name: string, assoc: boolean): Var {
  let v = sh.vars.lookup(name);
  if (!v) {
    v = { value: null, exported: false, readonly: false };
    sh.vars.map.set(name, v);
  }
  if (!v.arr) {
    v.arr = new ShArray(assoc);
    if (v.value !== null) v.arr.set("0", v.value);
    v.value = null;
  }
  return v;
}

