/**
 * Parameter expansion: $name, $1, $@, $*, $#, $?, $$, $!, $-, and the ${...} operators
 * (defaults, assignment, errors, length, prefix/suffix trimming, substrings, replacement).
 */
import type { WordPart } from "./ast";
import { type Ctx, EXP_TILDE, type Frag, arithmetic, expandPattern, expandString, fragsOf } from "./expand";
import { bashParam, setElement } from "./bashvars";
import { matchPattern } from "./pattern";
import type { Shell } from "./shell";

const optLetters = (sh: Shell): string => {
  const order = ["E", "u", "b", "a", "C", "v", "x", "c", "s", "n", "m", "i", "I", "f", "e"];
  return order.filter((l) => sh.opts.has(l)).join("");
};

/** A parameter's value: a string, undefined when unset, or the positional list for @ and *. */
export function paramValue(sh: Shell, name: string): string | undefined {
  switch (name) {
    case "#":
      return String(sh.params.length);
    case "?":
      return String(sh.status);
    case "$":
      return String(sh.rootPid);
    case "!":
      return sh.bgPid ? String(sh.bgPid) : undefined;
    case "-":
      return optLetters(sh);
    case "0":
      return sh.arg0;
  }
  if (/^\d+$/.test(name)) {
    const n = parseInt(name, 10);
    return n <= sh.params.length ? sh.params[n - 1] : undefined;
  }
  return sh.getVar(name);
}

export async function paramFrags(sh: Shell, p: WordPart & { k: "param" }, inDq: boolean, c: Ctx, out: Frag[]): Promise<void> {
  if (p.bad) {
    if (sh.bash) await sh.raise(`${p.text ?? ""}: bad substitution`, 1);
    await sh.raise("syntax error: bad substitution");
  }
  let name = p.name;
  const ifs = sh.vars.get("IFS");
  // the lists: $@ and $*, and bash's ${a[@]}, ${a[*]}, ${!a[@]}, ${!a[*]}
  let at: "@" | "*" | null = name === "@" || name === "*" ? name : null;
  let items: string[] | null = at ? sh.params : null;
  let val: string | undefined;
  let elem: { arr: string; key: string } | null = null;
  if (sh.bash && (p.sub !== undefined || p.bang || sh.vars.lookup(name)?.arr)) {
    const r = await bashParam(sh, p);
    at = r.at;
    items = r.items;
    val = r.val;
    elem = r.elem;
    name = r.name;
  } else if (!at) val = paramValue(sh, name);
  const joiner = at === "*" ? (ifs === undefined ? " " : ifs.slice(0, 1)) : " ";
  if (at) val = items!.length ? items!.join(joiner) : undefined;
  // "$*" is one string: operators apply to it as a whole
  const isList = at === "@" || (at === "*" && !(inDq && p.op !== ""));
  const list = isList ? items : null;
  const set = val !== undefined && (!p.colon || val !== "");
  const pushValue = (v: string | undefined, items: string[] | null): void => {
    if (items) {
      if (at === "*" && inDq) {
        out.push({ s: items.join(joiner), q: true, split: false });
        return;
      }
      items.forEach((x, k) => {
        if (k > 0) out.push(inDq ? "brk" : "ubrk");
        out.push({ s: x, q: inDq, split: !inDq });
      });
      return;
    }
    if (v !== undefined) out.push({ s: v, q: inDq, split: !inDq });
  };
  const unsetCheck = async (): Promise<void> => {
    if (val === undefined && !isList && sh.opts.has("u")) await sh.raise(sh.bash ? `${name}: unbound variable` : `${name}: parameter not set`, sh.bash ? 1 : 2);
  };
  switch (p.op) {
    case "":
      await unsetCheck();
      pushValue(val, list);
      return;
    case "len":
      await unsetCheck();
      // ${#a[@]}: the number of elements
      if (sh.bash && at && p.sub !== undefined) out.push({ s: String(items!.length), q: inDq, split: !inDq });
      // BusyBox in the C locale counts bytes
      else out.push({ s: String(utf8Length(val ?? "")), q: inDq, split: !inDq });
      return;
    case "-":
      if (set) pushValue(val, list);
      else await fragsOf(sh, p.arg ?? [], inDq, c, out, true, true);
      return;
    case "+":
      if (set) await fragsOf(sh, p.arg ?? [], inDq, c, out, true, true);
      return;
    case "=": {
      if (set) {
        pushValue(val, list);
        return;
      }
      if (elem) {
        const v = await expandString(sh, p.arg ?? [], inDq, EXP_TILDE);
        await setElement(sh, elem.arr, elem.key, v, false);
        pushValue(v, null);
        return;
      }
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) await sh.raise(`${name}: bad variable name`);
      const v = await expandString(sh, p.arg ?? [], inDq, EXP_TILDE);
      await sh.setVar(name, v);
      pushValue(v, null);
      return;
    }
    case "?": {
      if (set) {
        pushValue(val, list);
        return;
      }
      const arg = p.arg ?? [];
      const msg = arg.length ? await expandString(sh, arg, inDq) : p.colon ? "parameter not set or null" : "parameter not set";
      await sh.raise(`${name}: ${msg}`);
      return;
    }
    case "#":
    case "##":
    case "%":
    case "%%": {
      await unsetCheck();
      // an unset parameter's pattern is not even expanded
      if (val === undefined) return;
      const pat = await expandPattern(sh, p.arg ?? []);
      const f = (s: string): string => trim(s, pat, p.op);
      // on "$@" the trim applies to the joined words: the first (#) or the last (%) one changes
      const front = p.op === "#" || p.op === "##";
      const items = list ? list.map((x, k) => ((front ? k === 0 : k === list.length - 1) ? f(x) : x)) : null;
      pushValue(val === undefined ? undefined : f(val), items);
      return;
    }
    case "/":
    case "//": {
      await unsetCheck();
      if (val === undefined) return;
      const pat = await expandPattern(sh, p.arg ?? []);
      const rep = p.arg2 ? await expandString(sh, p.arg2, false, EXP_TILDE) : "";
      const f = (s: string): string => replace(s, pat, rep, p.op === "//");
      pushValue(val === undefined ? undefined : f(val), list ? list.map(f) : null);
      return;
    }
    case ":": {
      await unsetCheck();
      if (val === undefined) return;
      const spec = await expandString(sh, p.arg ?? [], true);
      const colon = spec.indexOf(":");
      if (sh.bash && at && items) {
        // bash: ${a[@]:off:len} takes elements, not characters
        let o = Number(await arithmetic(sh, [{ k: "q", s: colon < 0 ? spec : spec.slice(0, colon) }]));
        if (o < 0) o = Math.max(0, items.length + o);
        let n = colon < 0 ? items.length : Number(await arithmetic(sh, [{ k: "q", s: spec.slice(colon + 1) }]));
        if (n < 0) n = Math.max(0, items.length + n - o);
        const part = items.slice(o, o + n);
        if (list) pushValue(undefined, part);
        else pushValue(part.join(joiner), null);
        return;
      }
      const v = val ?? "";
      let off = Number(await arithmetic(sh, [{ k: "q", s: colon < 0 ? spec : spec.slice(0, colon) }]));
      let len = colon < 0 ? v.length : Number(await arithmetic(sh, [{ k: "q", s: spec.slice(colon + 1) }]));
      if (off < 0) off = Math.max(0, v.length + off);
      if (off > v.length) off = v.length;
      if (len < 0) len = Math.max(0, v.length + len - off);
      pushValue(v.slice(off, off + len), null);
      return;
    }
  }
}

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

function trim(v: string, pat: string, op: string): string {
  const n = v.length;
  if (op === "#") {
    for (let i = 0; i <= n; i++) if (matchPattern(pat, v.slice(0, i))) return v.slice(i);
  } else if (op === "##") {
    for (let i = n; i >= 0; i--) if (matchPattern(pat, v.slice(0, i))) return v.slice(i);
  } else if (op === "%") {
    for (let i = n; i >= 0; i--) if (matchPattern(pat, v.slice(i))) return v.slice(0, i);
  } else {
    for (let i = 0; i <= n; i++) if (matchPattern(pat, v.slice(i))) return v.slice(0, i);
  }
  return v;
}

function replace(v: string, pat: string, rep: string, all: boolean): string {
  if (pat === "") return v;
  let out = "";
  let i = 0;
  while (i <= v.length) {
    let end = -1;
    for (let j = v.length; j > i; j--) {
      if (matchPattern(pat, v.slice(i, j))) {
        end = j;
        break;
      }
    }
    if (end > i) {
      out += rep;
      i = end;
      if (!all) return out + v.slice(i);
      continue;
    }
    if (i < v.length) out += v[i];
    i++;
  }
  return out;
}
