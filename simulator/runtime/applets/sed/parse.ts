/**
 * Parsing sed scripts the way BusyBox's sed does: addresses (N, $, /re/, \cREc, ranges, N,+M),
 * "!" negation, and the commands s y a i c r w : b t T d D g G h H l n N p P q x = { }.
 */
import { Die } from "../lib/applet";
import { RegexError, compilePosix } from "../lib/regex";

export interface Regex {
  source: string;
  icase: boolean;
  /** For the first search in a string. */
  re: RegExp;
  /** For searches after a match (REG_NOTBOL: "^" cannot match). */
  notbol: RegExp;
}

export interface SedCmd {
  cmd: string;
  begLine: number;
  begLineOrig: number;
  /** 0 one address, -1 "$", <= -2 "+N" (encoded -2-N). */
  endLine: number;
  endLineOrig: number;
  begMatch: Regex | null;
  endMatch: Regex | null;
  invert: boolean;
  inMatch: boolean;
  /** s: the regex (null: the last one used); string: replacement, text of a/i/c, file, label, y pairs. */
  subMatch: Regex | null;
  string: string | null;
  whichMatch: number;
  subP: boolean;
  /** File written by w or s///w. */
  wfile: string | null;
}

export interface Script {
  cmds: SedCmd[];
  extended: boolean;
  quiet: number;
  /** An unfinished line ending in a backslash. */
  pending: string | null;
  previous: Regex | null;
  /** Files named by w commands, opened (truncated) at parse time. */
  wfiles: Set<string>;
}

const SEMI_WS = "; \n\r\t\v";
const isSpace = (c: string | undefined) => c !== undefined && " \t\n\v\f\r".includes(c);

export function compile(src: string, extended: boolean, icase = false): Regex {
  try {
    return {
      source: src,
      icase,
      re: compilePosix(src, { extended, icase }),
      notbol: compilePosix(src, { extended, icase, notbol: true }),
    };
  } catch (e) {
    if (e instanceof RegexError) throw new Die(`bad regex '${src}': ${e.message}`);
    throw e;
  }
}

/** Replace "\n", "\t", "\r" with the characters (copy_parsing_escapes). */
function parseEscapes(s: string): string {
  let out = s;
  for (const [from, to] of [["n", "\n"], ["t", "\t"], ["r", "\r"]]) {
    let r = "";
    for (let i = 0; i < out.length; i++) {
      if (out[i] === "\\") {
        if (out[i + 1] === from) {
          r += to;
          i++;
          continue;
        }
        r += "\\" + (out[i + 1] ?? "");
        i++;
        continue;
      }
      r += out[i];
    }
    out = r;
  }
  return out;
}

/** "\x" -> "x" for every x (or only for `from`, giving `to`). */
function unescape(s: string, from?: string): string {
  let r = "";
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "\\" && (from === undefined || s[i + 1] === from)) {
      r += s[i + 1] ?? "";
      i++;
      continue;
    }
    r += s[i];
  }
  return r;
}

/** Index of the next unescaped delimiter (a negative delimiter: brackets are not special). */
function nextDelim(delim: string, str: string, brackets: boolean): number {
  let bracket = brackets ? -1 : -2;
  let escaped = false;
  for (let idx = 0; idx < str.length; idx++) {
    const ch = str[idx];
    if (bracket >= 0) {
      if (ch === "]" && !(bracket === idx - 1 || (bracket === idx - 2 && str[idx - 1] === "^"))) bracket = -1;
    } else if (escaped) escaped = false;
    else if (ch === "\\") escaped = true;
    else if (bracket === -1 && ch === "[") bracket = idx;
    else if (ch === delim) return idx;
  }
  throw new Die(`unmatched '${delim}'`);
}

function regexDelim(s: string): { match: string; replace: string; end: number } {
  if (s === "") throw new Die("bad format in substitution expression");
  const delim = s[0];
  let p = 1;
  const i1 = nextDelim(delim, s.slice(p), true);
  const match = parseEscapes(s.slice(p, p + i1));
  p += i1 + 1;
  const i2 = nextDelim(delim, s.slice(p), false);
  const replace = parseEscapes(s.slice(p, p + i2));
  return { match, replace, end: p + i2 };
}

function getAddress(sc: Script, s: string, set: (line: number, re: Regex | null) => void): number {
  const m = /^\d+/.exec(s);
  if (m) {
    set(parseInt(m[0], 10), null);
    return m[0].length;
  }
  if (s[0] === "$") {
    set(-1, null);
    return 1;
  }
  if (s[0] === "/" || s[0] === "\\") {
    let pos = 0;
    let delim = "/";
    if (s[0] === "\\") delim = s[++pos];
    pos++;
    const next = nextDelim(delim, s.slice(pos), true);
    if (next !== 0) {
      const re = compile(parseEscapes(s.slice(pos, pos + next)), sc.extended);
      sc.previous = re;
      set(0, re);
    } else {
      if (!sc.previous) throw new Die("no previous regexp");
      set(0, sc.previous);
    }
    return pos + next + 1;
  }
  return 0;
}

/** A file name to the end of the line (r, w, s///w). */
function fileArg(s: string): { name: string; len: number } {
  let i = 0;
  while (isSpace(s[i])) i++;
  const start = i;
  let eol = s.indexOf("\n", start);
  if (eol < 0) eol = s.length;
  if (eol === start) throw new Die("empty filename");
  return { name: s.slice(start, eol), len: eol };
}

function parseSubst(sc: Script, c: SedCmd, s: string): number {
  const { match, replace, end } = regexDelim(s);
  c.string = replace;
  c.whichMatch = 1;
  let icase = false;
  let idx = end;
  for (;;) {
    idx++;
    const ch = s[idx];
    if (ch === undefined) break;
    if (/\d/.test(ch)) {
      const m = /^\d+/.exec(s.slice(idx))!;
      if (match[0] !== "^") c.whichMatch = parseInt(m[0], 10);
      idx += m[0].length - 1;
      continue;
    }
    if (isSpace(ch)) continue;
    if (ch === "g") c.whichMatch = 0;
    else if (ch === "p") c.subP = true;
    else if (ch === "w") {
      const f = fileArg(s.slice(idx + 1));
      c.wfile = f.name;
      sc.wfiles.add(f.name);
      idx += f.len;
    } else if (ch === "i" || ch === "I") icase = true;
    else if (ch === "#") {
      idx = s.length;
      break;
    } else if (ch === ";" || ch === "}") break;
    else throw new Die("bad option in substitution expression");
  }
  if (match !== "") c.subMatch = compile(match, sc.extended, icase);
  return idx;
}

/** Parse the arguments of command c.cmd from s; returns the rest of the text. */
function parseArgs(sc: Script, c: SedCmd, s: string): string {
  const cmd = c.cmd;
  if (cmd === "s") return s.slice(parseSubst(sc, c, s));
  if (cmd === "a" || cmd === "i" || cmd === "c") {
    if (cmd !== "c" && (c.endLine || c.endMatch)) throw new Die(`command '${cmd}' uses only one address`);
    let i = 0;
    for (;;) {
      if (s[i] === "\n" || s[i] === "\\") {
        i++;
        break;
      }
      if (!isSpace(s[i])) break;
      i++;
    }
    c.string = unescape(parseEscapes(s.slice(i)));
    return "";
  }
  if (cmd === "r" || cmd === "w") {
    if (cmd === "r" && (c.endLine || c.endMatch)) throw new Die(`command '${cmd}' uses only one address`);
    const f = fileArg(s);
    c.string = f.name;
    if (cmd === "w") {
      c.wfile = f.name;
      sc.wfiles.add(f.name);
    }
    return s.slice(f.len);
  }
  if (cmd === ":" || cmd === "b" || cmd === "t" || cmd === "T") {
    let i = 0;
    while (isSpace(s[i])) i++;
    let j = i;
    while (j < s.length && !SEMI_WS.includes(s[j])) j++;
    if (j > i) c.string = s.slice(i, j);
    return s.slice(j);
  }
  if (cmd === "y") {
    const d = s[0];
    const { match, replace, end } = regexDelim(s);
    const m = [...unescape(match, d)];
    const r = [...unescape(replace, d)];
    let pairs = "";
    for (let i = 0; i < m.length && i < r.length; i++) pairs += m[i] + r[i];
    c.string = pairs;
    return s.slice(end + 1);
  }
  if (!"dDgGhHlnNpPqx={}".includes(cmd)) throw new Die(`unsupported command ${cmd}`);
  return s;
}

/** Add one line of script (add_cmd). */
export function addCmd(sc: Script, line: string): void {
  let s = line;
  if (sc.pending !== null) {
    s = sc.pending + "\n" + s;
    sc.pending = null;
  }
  let n = s.length;
  while (n && s[n - 1] === "\\") n--;
  if ((s.length - n) & 1) {
    sc.pending = s.slice(0, -1);
    return;
  }
  while (s.length) {
    let i = 0;
    while (i < s.length && SEMI_WS.includes(s[i])) i++;
    s = s.slice(i);
    if (!s) break;
    if (s[0] === "#") {
      if (s[1] === "n") sc.quiet++;
      const nl = s.search(/[\n\r]/);
      if (nl < 0) break;
      s = s.slice(nl);
      continue;
    }
    const c: SedCmd = {
      cmd: "",
      begLine: 0,
      begLineOrig: 0,
      endLine: 0,
      endLineOrig: 0,
      begMatch: null,
      endMatch: null,
      invert: false,
      inMatch: false,
      subMatch: null,
      string: null,
      whichMatch: 1,
      subP: false,
      wfile: null,
    };
    s = s.slice(getAddress(sc, s, (l, re) => ((c.begLine = l), (c.begMatch = re))));
    c.begLineOrig = c.begLine;
    if (s[0] === ",") {
      s = s.slice(1);
      const plus = /^\+(\d+)/.exec(s);
      if (plus) {
        c.endLine = -2 - parseInt(plus[1], 10);
        s = s.slice(plus[0].length);
      } else {
        const used = getAddress(sc, s, (l, re) => ((c.endLine = l), (c.endMatch = re)));
        if (used === 0) throw new Die("no address after comma");
        s = s.slice(used);
      }
      c.endLineOrig = c.endLine;
    }
    s = s.replace(/^[ \t\n\v\f\r]+/, "");
    if (s[0] === "!") {
      c.invert = true;
      s = s.slice(1).replace(/^[ \t\n\v\f\r]+/, "");
    }
    if (!s) throw new Die("missing command");
    c.cmd = s[0];
    s = parseArgs(sc, c, s.slice(1));
    sc.cmds.push(c);
  }
}

/** Add a -e argument or script operand: each embedded newline starts a new line. */
export function addBlock(sc: Script, text: string): void {
  for (const line of text.split("\n")) addCmd(sc, line);
}
