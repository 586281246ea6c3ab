/**
 * Reading the inside of words: quotes, backslashes, $var, ${...}, $(...), $((...)), `...`
 * and here-document bodies, following ash's syntax tables (readtoken1).
 */
import type { Node, ParamOp, WordPart } from "./ast";
import { ParseError } from "./errors";
import { PEOF, type Source } from "./source";

export interface WordHooks {
  /** Reading a here-document or prompt body: running out inside ${ is "missing '}'". */
  inHereDoc?: boolean;
  /** Parse `$(...)` from the source after "$(": the command list and the closing ")". */
  cmdSubst(): Node | null;
  /** Parse the text of a `...` substitution. */
  backquote(text: string): Node | null;
  /** True while reading a here-document delimiter ($ and ` are plain there). */
  eofmark(): boolean;
  /** The bash dialect: array subscripts and ${!name}. */
  bash?: boolean;
}

export const isNameStart = (c: string): boolean => /^[A-Za-z_]$/.test(c);
export const isNameChar = (c: string): boolean => /^[A-Za-z0-9_]$/.test(c);
const isDigit = (c: string): boolean => c >= "0" && c <= "9" && c.length === 1;
/** ash's is_special: the one-character parameter names. */
const isSpecial = (c: string): boolean => c.length === 1 && "!#$*-0123456789?@".includes(c);

/** Accumulates parts, merging adjacent literal text. */
export class Parts {
  readonly list: WordPart[] = [];
  lit(s: string): void {
    const last = this.list[this.list.length - 1];
    if (last && last.k === "lit") last.s += s;
    else this.list.push({ k: "lit", s });
  }
  q(s: string): void {
    const last = this.list[this.list.length - 1];
    if (last && last.k === "q") last.s += s;
    else this.list.push({ k: "q", s });
  }
  push(p: WordPart): void {
    this.list.push(p);
  }
}

const DOLLAR_SQ_SIMPLE: Record<string, string> = { n: "\n", r: "\r", b: "\b", t: "\t", f: "\f", a: "\x07", v: "\v", "\\": "\\", e: "\x1b", E: "\x1b" };

export class WordReader {
  constructor(
    private readonly src: Source,
    private readonly hooks: WordHooks,
  ) {}

  private err(msg: string): never {
    throw new ParseError(msg, this.src.linno);
  }

  /** '...' after the opening quote. */
  singleQuoted(out: Parts): void {
    let s = "";
    for (;;) {
      const c = this.src.pgetc();
      if (c === PEOF) this.err("unterminated quoted string");
      if (c === "'") break;
      s += c;
    }
    out.push({ k: "q", s });
  }

  /** "..." after the opening quote. `inVar`: inside ${...}, where \} is an escape and } is plain. */
  doubleQuoted(inVar = false): WordPart {
    const out = new Parts();
    for (;;) {
      const c = this.src.pgetcEatBnl();
      if (c === PEOF) this.err("unterminated quoted string");
      if (c === '"') break;
      if (c === "\\") this.dqBackslash(out, inVar);
      else if (c === "$") this.dollar(out, true);
      else if (c === "`") this.backquote(out, true);
      else out.q(c);
    }
    return { k: "dq", parts: out.list };
  }

  private dqBackslash(out: Parts, inVar: boolean): void {
    const d = this.src.pgetc();
    if (d === PEOF) {
      out.q("\\");
      this.src.pungetc();
    } else if (d === "\\" || d === "`" || d === "$" || d === '"' || (d === "}" && inVar)) out.q(d);
    else out.q("\\" + d);
  }

  /** $... after the dollar sign: a literal '$', an expansion, or $'...' quoting. */
  dollar(out: Parts, inDq: boolean): "lit" | "exp" | "quote" {
    const c = this.src.pgetcEatBnl();
    if (this.hooks.eofmark() || (c !== "(" && c !== "{" && !isNameStart(c) && !isSpecial(c))) {
      if (!inDq && c === "'" && !this.hooks.eofmark()) {
        this.dollarSingle(out);
        return "quote";
      }
      if (inDq) out.q("$");
      else out.lit("$");
      this.src.pungetc();
      return "lit";
    }
    if (c === "(") {
      if (this.src.pgetcEatBnl() === "(") {
        out.push(this.arith());
      } else {
        this.src.pungetc();
        out.push({ k: "cmd", body: this.hooks.cmdSubst() });
      }
      return "exp";
    }
    out.push(this.variable(c, inDq));
    return "exp";
  }

  /** bash's $'...' with C escapes. */
  private dollarSingle(out: Parts): void {
    let s = "";
    for (;;) {
      let c = this.src.pgetc();
      if (c === PEOF) this.err("unterminated quoted string");
      if (c === "'") break;
      if (c === "\\") {
        c = this.src.pgetc();
        if (c === PEOF) this.err("unterminated quoted string");
        if (DOLLAR_SQ_SIMPLE[c] !== undefined) s += DOLLAR_SQ_SIMPLE[c];
        else if (c >= "0" && c <= "7") {
          let v = c;
          for (let i = 0; i < 2; i++) {
            const d = this.src.pgetc();
            if (d >= "0" && d <= "7" && d.length === 1) v += d;
            else {
              if (d !== PEOF) this.src.pungetc();
              break;
            }
          }
          const n = parseInt(v, 8) & 255;
          if (n) s += String.fromCharCode(n);
        } else if (c === "x") {
          let v = "";
          for (let i = 0; i < 2; i++) {
            const d = this.src.pgetc();
            if (/^[0-9a-fA-F]$/.test(d)) v += d;
            else {
              if (d !== PEOF) this.src.pungetc();
              break;
            }
          }
          if (v === "") s += "\\x";
          else if (parseInt(v, 16)) s += String.fromCharCode(parseInt(v, 16));
        } else if (c === "'" || c === '"') s += c;
        else s += "\\" + c;
        continue;
      }
      s += c;
    }
    out.push({ k: "q", s });
  }

  /** $name, $1, $?, ${...}; c is the first character after '$'. */
  private variable(c: string, inDq: boolean): WordPart {
    const src = this.src;
    const start = src.pos - 2;
    let braced = false;
    if (c === "{") {
      braced = true;
      c = src.pgetcEatBnl();
    }
    let len = false;
    let bad = false;
    let name = "";
    let bang = false;
    const subRef: { v: WordPart[] | "@" | "*" | null | undefined } = { v: undefined };
    const bash = !!this.hooks.bash;
    if (bash && braced && c === "!" && (isNameStart(src.peek()) || isDigit(src.peek()))) {
      bang = true;
      c = src.pgetcEatBnl();
    }
    const readName = (): void => {
      if (isNameStart(c)) {
        do {
          name += c;
          c = src.pgetcEatBnl();
        } while (isNameChar(c));
        if (bash && braced && c === "[") {
          subRef.v = this.subscript();
          c = src.pgetcEatBnl();
        }
      } else if (isDigit(c)) {
        do {
          name += c;
          c = src.pgetcEatBnl();
        } while (braced && isDigit(c));
      }
    };
    if (isNameStart(c) || isDigit(c)) readName();
    else if (c !== "}" && c !== PEOF) {
      let cc = c;
      c = src.pgetcEatBnl();
      if (braced && cc === "#") {
        len = true;
        if (c === "_" || /^[A-Za-z0-9]$/.test(c)) {
          readName();
          cc = "";
        } else {
          cc = c;
          c = src.pgetcEatBnl();
          if (cc === "}" || c !== "}") {
            if (c !== PEOF) src.pungetc();
            len = false;
            c = cc;
            cc = "#";
          }
        }
      }
      if (cc !== "") {
        if (!isSpecial(cc)) {
          len = false;
          bad = true;
        } else name = cc;
      }
    } else bad = true;

    if (!braced) {
      if (c !== PEOF) src.pungetc();
      return { k: "param", name, op: "", colon: false, arg: null };
    }
    const sub = subRef.v;
    if (bash && sub === null) bad = true;
    const extra = (p: WordPart & { k: "param" }): WordPart => {
      if (sub !== undefined && sub !== null) p.sub = sub;
      if (bang) p.bang = true;
      if (bash && p.bad) p.text = src.buf.slice(Math.max(0, start), src.pos);
      return p;
    };
    let op: ParamOp = "";
    let colon = false;
    let argDq = inDq;
    if (bad) {
      if (c !== PEOF) src.pungetc();
    } else if (len) {
      op = "len";
      if (c !== "}") {
        bad = true;
        if (c !== PEOF) src.pungetc();
      }
    } else {
      switch (c) {
        case "}":
          break;
        case ":": {
          const d = src.pgetcEatBnl();
          if ("}-+?=".includes(d) && d !== PEOF) {
            colon = true;
            if (d === "}") bad = true;
            else op = d as ParamOp;
          } else {
            op = ":";
            if (d !== PEOF) src.pungetc();
          }
          break;
        }
        case "-":
        case "+":
        case "?":
        case "=":
          op = c;
          break;
        case "#":
        case "%": {
          const d = src.pgetcEatBnl();
          if (d === c) op = (c + c) as ParamOp;
          else {
            op = c;
            if (d !== PEOF) src.pungetc();
          }
          argDq = false;
          break;
        }
        case "/": {
          const d = src.pgetcEatBnl();
          if (d === "/") op = "//";
          else {
            op = "/";
            if (d !== PEOF) src.pungetc();
          }
          argDq = false;
          break;
        }
        default:
          bad = true;
          if (c !== PEOF) src.pungetc();
      }
    }
    if (c === "}" && op === "" && !colon && !bad) return extra({ k: "param", name, op, colon, arg: null });
    if (op === "len" && !bad) return extra({ k: "param", name, op, colon, arg: null });
    // the argument word, up to the closing brace
    if (op === "/" || op === "//") {
      const pat = this.varWord(false, true);
      // ash reads the replacement like the pattern: quotes inside it are quotes, even within "..."
      const rep = pat.slash ? this.varWord(false, false).parts : null;
      return extra({ k: "param", name, op, colon, arg: pat.parts, arg2: rep });
    }
    const arg = this.varWord(argDq, false).parts;
    if (bad) return extra({ k: "param", name, op: "", colon, arg, bad: true });
    return extra({ k: "param", name, op, colon, arg });
  }

  /**
   * bash: an array subscript after "[": "@" or "*" alone, or the text up to the matching "]"
   * (null when the input ends first, a bad substitution).
   */
  private subscript(): WordPart[] | "@" | "*" | null {
    const src = this.src;
    const c0 = src.pgetcEatBnl();
    if ((c0 === "@" || c0 === "*") && src.peek() === "]") {
      src.pgetc();
      return c0;
    }
    src.pungetc();
    const out = new Parts();
    let depth = 0;
    for (;;) {
      const c = src.pgetcEatBnl();
      if (c === PEOF || c === "}") {
        if (c !== PEOF) src.pungetc();
        return null;
      }
      if (c === "]" && depth === 0) return out.list;
      if (c === "[") depth++;
      else if (c === "]") depth--;
      if (c === "$") this.dollar(out, true);
      else if (c === "`") this.backquote(out, true);
      else if (c === '"') out.push(this.doubleQuoted(true));
      else if (c === "'") this.singleQuoted(out);
      else if (c === "\\") {
        const d = src.pgetc();
        if (d === PEOF) src.pungetc();
        else out.q(d);
      } else out.lit(c);
    }
  }

  /** The word inside ${name OP word}, up to the closing '}' (or a '/' when asked). */
  private varWord(dq: boolean, stopAtSlash: boolean): { parts: WordPart[]; slash: boolean } {
    const out = new Parts();
    const src = this.src;
    for (;;) {
      const c = src.pgetcEatBnl();
      if (c === PEOF) this.err(dq && !this.hooks.inHereDoc ? "unterminated quoted string" : "missing '}'");
      if (c === "}") return { parts: out.list, slash: false };
      if (c === "/" && stopAtSlash) return { parts: out.list, slash: true };
      if (c === "$") this.dollar(out, dq);
      else if (c === "`") this.backquote(out, dq);
      else if (c === '"') out.push(this.doubleQuoted(true));
      else if (dq) {
        if (c === "\\") this.dqBackslash(out, true);
        else out.q(c);
      } else if (c === "\\") {
        const d = src.pgetc();
        if (d === PEOF) {
          out.q("\\");
          src.pungetc();
        } else out.q(d);
      } else if (c === "'") this.singleQuoted(out);
      else out.lit(c);
    }
  }

  /** $(( ... )) after the second '('. */
  private arith(): WordPart {
    const out = new Parts();
    let level = 0;
    for (;;) {
      const c = this.src.pgetcEatBnl();
      if (c === PEOF) this.err("missing '))'");
      if (c === "(") {
        level++;
        out.q(c);
      } else if (c === ")") {
        if (level > 0) {
          level--;
          out.q(c);
        } else if (this.src.pgetcEatBnl() === ")") break;
        else {
          this.src.pungetc();
          out.q(c);
        }
      } else if (c === "\\") this.dqBackslash(out, false);
      else if (c === "$") this.dollar(out, true);
      else if (c === "`") this.backquote(out, true);
      else out.q(c);
    }
    return { k: "arith", parts: out.list };
  }

  /** `...` after the opening backquote. */
  backquote(out: Parts, inDq: boolean): void {
    if (this.hooks.eofmark()) {
      out.q("`");
      return;
    }
    let s = "";
    for (;;) {
      const c = this.src.pgetcEatBnl();
      if (c === "`") break;
      if (c === PEOF) this.err("EOF in backquote substitution");
      if (c === "\\") {
        const d = this.src.pgetc();
        if (d !== "\\" && d !== "`" && d !== "$" && (!inDq || d !== '"')) s += "\\";
        s += d;
        continue;
      }
      s += c;
    }
    out.push({ k: "cmd", body: this.hooks.backquote(s) });
  }

  /** The body of an unquoted here-document (its text already collected), or a prompt (\$ kept). */
  hereBody(prompt = false): WordPart[] {
    const out = new Parts();
    for (;;) {
      const c = this.src.pgetc();
      if (c === PEOF) break;
      if (c === "\\") {
        const d = this.src.pgetc();
        if (prompt && d === "$") out.q("\\$");
        else if (d === "\\" || d === "$" || d === "`") out.q(d);
        else {
          out.q("\\");
          if (d !== PEOF) this.src.pungetc();
        }
      } else if (c === "$") this.dollar(out, true);
      else if (c === "`") this.backquote(out, true);
      else out.q(c);
    }
    return out.list;
  }
}
