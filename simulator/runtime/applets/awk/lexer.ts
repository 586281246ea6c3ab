/** Tokens of an awk program: "/" is a regex where an operand may start, division elsewhere. */
import { AwkError } from "./values";

export type TokType = "num" | "str" | "ere" | "name" | "funcname" | "builtin" | "kw" | "op" | "nl" | "eof";

export interface Tok {
  type: TokType;
  value: string;
  num?: number;
  line: number;
}

const KEYWORDS = new Set(["BEGIN", "END", "function", "func", "if", "else", "while", "for", "do", "break", "continue", "next", "nextfile", "exit", "return", "delete", "in", "getline", "print", "printf"]);
export const BUILTINS = new Set([
  "length", "substr", "index", "split", "sub", "gsub", "match", "sprintf", "tolower", "toupper", "int", "sqrt", "exp", "log", "sin",
  "cos", "atan2", "rand", "srand", "system", "close", "fflush", "and", "or", "xor", "lshift", "rshift", "compl", "strftime", "systime",
  "mktime", "gensub",
]);
const OPS = ["**=", "&&", "||", "==", "<=", ">=", "!=", "++", "--", "+=", "-=", "*=", "/=", "%=", "^=", ">>", "!~", "**", "{", "}", "(", ")", "[", "]", ";", ",", "+", "-", "*", "/", "%", "^", "!", ">", "<", "|", "?", ":", "~", "$", "="];

/** Awk string escapes (unknown ones keep their backslash, like BusyBox). */
export function unescapeAwk(s: string, regex = false): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== "\\") {
      out += c;
      continue;
    }
    const d = s[++i];
    if (d === undefined) {
      out += "\\";
      break;
    }
    const map: Record<string, string> = { n: "\n", t: "\t", r: "\r", f: "\f", v: "\v", a: "\x07", b: "\b", "\\": "\\", '"': '"', "/": "/" };
    if (/[0-7]/.test(d)) {
      let j = i;
      let v = 0;
      while (j < s.length && j < i + 3 && /[0-7]/.test(s[j])) v = v * 8 + +s[j++];
      out += String.fromCharCode(v & 255);
      i = j - 1;
    } else if (regex && d !== "/") out += "\\" + d;
    else if (map[d] !== undefined) out += map[d];
    else out += "\\" + d;
  }
  return out;
}

export function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  const push = (type: TokType, value: string, extra: Partial<Tok> = {}) => toks.push({ type, value, line, ...extra });
  const regexAllowed = () => {
    const t = toks[toks.length - 1];
    if (!t) return true;
    if (t.type === "num" || t.type === "str" || t.type === "ere" || t.type === "name") return false;
    if (t.type === "builtin") return false;
    if (t.type === "op" && [")", "]", "$", "++", "--"].includes(t.value)) return false;
    return true;
  };
  while (i < src.length) {
    const c = src[i];
    if (c === "\\" && src[i + 1] === "\n") {
      i += 2;
      line++;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    if (c === "\n") {
      push("nl", "\n");
      line++;
      i++;
      continue;
    }
    if (c === "#") {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let raw = "";
      while (j < src.length && src[j] !== '"') {
        if (src[j] === "\\" && j + 1 < src.length) {
          raw += src[j] + src[j + 1];
          j += 2;
          continue;
        }
        if (src[j] === "\n") throw new AwkError("Unexpected end of string");
        raw += src[j++];
      }
      if (j >= src.length) throw new AwkError("Unexpected end of string");
      push("str", unescapeAwk(raw));
      i = j + 1;
      continue;
    }
    if (c === "/" && regexAllowed()) {
      let j = i + 1;
      let raw = "";
      let inBracket = false;
      while (j < src.length && (src[j] !== "/" || inBracket)) {
        if (src[j] === "\n") throw new AwkError("Unexpected end of string");
        if (src[j] === "\\" && j + 1 < src.length) {
          raw += src[j] + src[j + 1];
          j += 2;
          continue;
        }
        if (src[j] === "[" && !inBracket) {
          inBracket = true;
          raw += src[j++];
          if (src[j] === "^") raw += src[j++];
          if (src[j] === "]") raw += src[j++];
          continue;
        }
        if (src[j] === "]") inBracket = false;
        raw += src[j++];
      }
      if (j >= src.length) throw new AwkError("Unexpected end of string");
      push("ere", unescapeAwk(raw, true));
      i = j + 1;
      continue;
    }
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(src[i + 1] ?? ""))) {
      const m = /^(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/.exec(src.slice(i))!;
      const v = /^0[xX]/.test(m[0]) ? parseInt(m[0], 16) : parseFloat(m[0]);
      push("num", m[0], { num: v });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      const w = m[0];
      i += w.length;
      if (KEYWORDS.has(w)) push("kw", w === "func" ? "function" : w);
      else if (BUILTINS.has(w)) push("builtin", w);
      else if (src[i] === "(") push("funcname", w);
      else push("name", w);
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new AwkError("Unexpected token");
    push("op", op);
    i += op.length;
  }
  push("eof", "");
  return toks;
}
