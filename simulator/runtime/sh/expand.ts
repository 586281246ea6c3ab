/**
 * Word expansion in POSIX order: tilde, parameters, command substitution and arithmetic
 * (producing fragments that remember whether they were quoted), then field splitting with
 * IFS, pathname expansion, and quote removal.
 */
import type { Word, WordPart } from "./ast";
import { ArithError, arith } from "./arith";
import { glob } from "./glob";
import { paramFrags } from "./params";
import { escapePattern, hasMeta } from "./pattern";
import type { Shell } from "./shell";
import { commandSubst } from "./spawn";
import { homeOf } from "./users";

export const EXP_FULL = 1;
export const EXP_TILDE = 2;
export const EXP_VARTILDE = 4;

/**
 * A piece of expanded text. "brk" separates the words of "$@" (always a field boundary);
 * "ubrk" those of unquoted $@ and $* (ash joins them with NUL, which splits like IFS white space).
 */
export type Frag = { s: string; q: boolean; split: boolean } | "brk" | "ubrk";

export interface Ctx {
  flags: number;
}

/**
 * Tilde expansion of a literal at the start of a word (or after = and : in assignments).
 * Returns true when ash's unknown-user quirk drops the rest of the word ("~nouser/x" is "~nouser").
 */
function tilde(sh: Shell, s: string, atStart: boolean, vartilde: boolean, moreParts: boolean, out: Frag[], split = false): boolean {
  let i = 0;
  let lit = "";
  let eligible = atStart;
  while (i < s.length) {
    if (eligible && s[i] === "~") {
      let j = i + 1;
      while (j < s.length && s[j] !== "/" && !(vartilde && s[j] === ":")) j++;
      const name = s.slice(i + 1, j);
      if (j < s.length || !moreParts) {
        const home = name === "" ? sh.vars.get("HOME") : homeOf(sh.ctx.fs, name);
        if (home !== undefined) {
          if (lit) out.push({ s: lit, q: false, split });
          lit = "";
          out.push({ s: home, q: true, split: false });
          i = j;
          eligible = false;
          continue;
        }
        if (name !== "") {
          out.push({ s: lit + "~" + name, q: false, split });
          return true;
        }
      }
    }
    eligible = vartilde && s[i] === ":";
    lit += s[i++];
  }
  if (lit) out.push({ s: lit, q: false, split });
  return false;
}

export async function fragsOf(sh: Shell, parts: WordPart[], inDq: boolean, c: Ctx, out: Frag[], wordStart = false, splitLit = false): Promise<void> {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    switch (p.k) {
      case "lit":
        if (c.flags & (EXP_TILDE | EXP_VARTILDE) && !inDq) {
          const assign = c.flags & EXP_VARTILDE && i === 0 ? p.s.indexOf("=") : -1;
          let dropRest: boolean;
          if (assign >= 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(p.s)) {
            out.push({ s: p.s.slice(0, assign + 1), q: false, split: false });
            dropRest = tilde(sh, p.s.slice(assign + 1), true, true, i < parts.length - 1, out);
          } else dropRest = tilde(sh, p.s, wordStart && i === 0, (c.flags & EXP_VARTILDE) !== 0, i < parts.length - 1, out, splitLit);
          if (dropRest) return;
        } else out.push({ s: p.s, q: inDq, split: splitLit && !inDq });
        break;
      case "q":
        out.push({ s: p.s, q: true, split: false });
        break;
      case "dq": {
        await fragsOf(sh, p.parts, true, c, out);
        const onlyAt = p.parts.length > 0 && p.parts.every((x) => x.k === "param" && x.name === "@" && x.op === "");
        if (!onlyAt) out.push({ s: "", q: true, split: false });
        break;
      }
      case "param":
        await paramFrags(sh, p, inDq, c, out);
        break;
      case "cmd": {
        const s = await commandSubst(sh, p.body);
        out.push({ s, q: inDq, split: !inDq });
        break;
      }
      case "arith": {
        const s = await arithmetic(sh, p.parts);
        out.push({ s, q: inDq, split: !inDq });
        break;
      }
    }
  }
}

export async function arithmetic(sh: Shell, parts: WordPart[]): Promise<string> {
  const expr = await expandString(sh, parts, true);
  const failed: { err: Error | null } = { err: null };
  try {
    return String(
      arith(expr, {
        get: (n) => sh.getVar(n),
        set: (n, v) => {
          try {
            sh.vars.set(n, v);
          } catch (e) {
            failed.err = e as Error;
            throw new ArithError(`${n}: is read only`);
          }
        },
      }),
    );
  } catch (e) {
    if (e instanceof ArithError) return sh.raise(failed.err ? failed.err.message : e.message);
    throw e;
  }
}

/** Split fragments into fields with IFS. */
function splitFields(frags: Frag[], ifs: string): Array<Array<{ s: string; q: boolean }>> {
  const fields: Array<Array<{ s: string; q: boolean }>> = [];
  let cur: Array<{ s: string; q: boolean }> = [];
  let hasContent = false;
  let afterWs = false;
  const emit = (): void => {
    fields.push(cur);
    cur = [];
    hasContent = false;
  };
  const add = (s: string, q: boolean): void => {
    const last = cur[cur.length - 1];
    if (last && last.q === q) last.s += s;
    else cur.push({ s, q });
    hasContent = true;
    afterWs = false;
  };
  for (const f of frags) {
    if (f === "brk") {
      if (hasContent) emit();
      afterWs = false;
      continue;
    }
    if (f === "ubrk") {
      if (hasContent) {
        emit();
        afterWs = true;
      }
      continue;
    }
    if (!f.split) {
      add(f.s, f.q);
      continue;
    }
    for (const ch of f.s) {
      if (!ifs.includes(ch)) {
        add(ch, false);
        continue;
      }
      if (ch === " " || ch === "\t" || ch === "\n") {
        if (hasContent) {
          emit();
          afterWs = true;
        }
      } else {
        if (hasContent) emit();
        else if (!afterWs) emit();
        afterWs = false;
      }
    }
  }
  if (hasContent) emit();
  return fields;
}

/** Expand a word into fields (split, globbed) per flags. */
export async function expandWord(sh: Shell, w: Word, flags = EXP_FULL | EXP_TILDE): Promise<string[]> {
  // plain words (no quotes, expansions, globs or tildes) need no work
  if (w.parts.length === 1 && w.parts[0].k === "lit" && !/[*?[~]/.test(w.parts[0].s)) return [w.parts[0].s];
  const frags: Frag[] = [];
  await fragsOf(sh, w.parts, false, { flags }, frags, true);
  if (!(flags & EXP_FULL)) return [joinFrags(frags, false)];
  const fields = splitFields(frags, sh.ifs);
  const out: string[] = [];
  for (const f of fields) {
    const text = f.map((c) => c.s).join("");
    if (!sh.opts.has("f") && f.some((c) => !c.q && /[*?[]/.test(c.s))) {
      const pat = f.map((c) => (c.q ? escapePattern(c.s) : c.s)).join("");
      if (hasMeta(pat)) {
        const m = glob(sh.ctx.fs, pat);
        if (m.length) {
          out.push(...m);
          continue;
        }
      }
    }
    out.push(text);
  }
  return out;
}

export async function expandWords(sh: Shell, words: Word[], flags = EXP_FULL | EXP_TILDE): Promise<string[]> {
  const out: string[] = [];
  for (const w of words) out.push(...(await expandWord(sh, w, flags)));
  return out;
}

function joinFrags(frags: Frag[], pattern: boolean): string {
  let s = "";
  for (const f of frags) {
    if (f === "brk" || f === "ubrk") s += " ";
    else s += pattern && f.q ? escapePattern(f.s) : f.s;
  }
  return s;
}

/** Expand to one string without splitting or globbing (here-documents, assignments, case words). */
export async function expandString(sh: Shell, parts: WordPart[], inDq = false, flags = 0): Promise<string> {
  const frags: Frag[] = [];
  await fragsOf(sh, parts, inDq, { flags }, frags, true);
  return joinFrags(frags, false);
}

/** Expand to a pattern: quoted characters are escaped, unquoted ones keep their meaning. */
export async function expandPattern(sh: Shell, parts: WordPart[]): Promise<string> {
  const frags: Frag[] = [];
  await fragsOf(sh, parts, false, { flags: EXP_TILDE }, frags, true);
  return joinFrags(frags, true);
}

/** An assignment word NAME=value: [name, expanded value]. */
export async function expandAssignment(sh: Shell, w: Word): Promise<[string, string]> {
  const s = await expandString(sh, w.parts, false, EXP_VARTILDE);
  const eq = s.indexOf("=");
  return [s.slice(0, eq), s.slice(eq + 1)];
}
