/**
 * Prompts: PS1/PS2/PS4 are expanded like double-quoted strings, then PS1's backslash escapes
 * (\u \h \H \w \W \$ \n \e \[ \] ...) are replaced as BusyBox's line editor does.
 */
import type { WordPart } from "./ast";
import { ParseError, ShellError } from "./errors";
import { expandString } from "./expand";
import { syntaxError } from "./interp";
import { Parser } from "./parser";
import type { Shell } from "./shell";
import { Source } from "./source";
import { userName } from "./users";
import { WordReader } from "./words";

/** Parse prompt text as a here-document-like string (\$ kept for the prompt escapes). */
export function parsePrompt(s: string, ps1 = false): WordPart[] {
  const p = new Parser(new Source(s));
  return new WordReader(p.src, { cmdSubst: () => p.cmdSubst(), backquote: (t) => p.backquote(t), eofmark: () => false, inHereDoc: true }).hereBody(ps1);
}

/** Expand a prompt string; on a syntax or expansion error ash reports it and uses the raw text. */
export async function expandPromptText(sh: Shell, raw: string, ps1: boolean): Promise<string> {
  try {
    return await expandString(sh, parsePrompt(raw, ps1), true);
  } catch (e) {
    if (e instanceof ParseError) {
      try {
        await syntaxError(sh, e);
      } catch (e2) {
        if (!(e2 instanceof ShellError)) throw e2;
      }
      return raw;
    }
    if (e instanceof ShellError) return raw;
    throw e;
  }
}

/** The escapes BusyBox's line editor understands in PS1. */
export function promptEscapes(sh: Shell, s: string): string {
  let out = "";
  const simple: Record<string, string> = { a: "\x07", e: "\x1b", n: "\n", r: "\r", "\\": "\\", b: "\b", f: "\f", v: "\v" };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== "\\") {
      out += c;
      continue;
    }
    const d = s[++i];
    if (d === undefined) break;
    if (simple[d] !== undefined) out += simple[d];
    else if (/[0-7]/.test(d)) {
      let oct = d;
      while (oct.length < 3 && /[0-7]/.test(s[i + 1] ?? "")) oct += s[++i];
      out += String.fromCharCode(parseInt(oct, 8) & 255);
    } else if (d === "u") out += userName(sh.ctx.fs, sh.proc.cred.uid);
    else if (d === "h" || d === "H") {
      const host = sh.proc.ns.uts.hostname;
      out += d === "h" ? host.split(".")[0] : host;
    } else if (d === "$") out += sh.proc.cred.uid === 0 ? "#" : "$";
    else if (d === "w" || d === "W") {
      let cwd = sh.ctx.cwd;
      const home = sh.vars.get("HOME");
      if (home && (cwd === home || cwd.startsWith(home + "/"))) cwd = "~" + cwd.slice(home.length);
      out += d === "w" ? cwd : cwd.slice(cwd.lastIndexOf("/") + 1);
    } else if (d === "t" || d === "T" || d === "@" || d === "A") {
      const t = new Date(sh.ctx.now());
      out += `${String(t.getUTCHours()).padStart(2, "0")}:${String(t.getUTCMinutes()).padStart(2, "0")}`;
    } else if (d === "[" || d === "]") {
      /* non-printing markers */
    } else out += "\\" + d;
  }
  return out;
}

/** PS1 (with escapes) or PS2 as the shell prints it. */
export async function expandPrompt(sh: Shell, name: "PS1" | "PS2"): Promise<string> {
  const s = await expandPromptText(sh, sh.vars.get(name) ?? "", name === "PS1");
  return name === "PS1" ? promptEscapes(sh, s) : s;
}
