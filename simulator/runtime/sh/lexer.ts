/**
 * Tokens: operators, words (with their quoting), redirections and keywords, read the way ash's
 * readtoken/xxreadtoken do, including the keyword and alias checks the parser asks for and the
 * here-documents that follow a newline.
 */
import type { Redir, Word, WordPart } from "./ast";
import { ParseError } from "./errors";
import { PEOF, type Source } from "./source";
import { Parts, type WordHooks, WordReader } from "./words";

export const T = {
  EOF: 0, NL: 1, REDIR: 2, WORD: 3, SEMI: 4, BACKGND: 5, AND: 6, OR: 7, PIPE: 8, LP: 9, RP: 10,
  ENDCASE: 11, ENDBQUOTE: 12, NOT: 13, CASE: 14, DO: 15, DONE: 16, ELIF: 17, ELSE: 18, ESAC: 19,
  FI: 20, FOR: 21, FUNCTION: 22, IF: 23, IN: 24, THEN: 25, UNTIL: 26, WHILE: 27, BEGIN: 28, END: 29,
} as const;

export const TOKNAMES = [
  "end of file", "newline", "redirection", "word", ";", "&", "&&", "||", "|", "(", ")", ";;", "`",
  "!", "case", "do", "done", "elif", "else", "esac", "fi", "for", "function", "if", "in", "then",
  "until", "while", "{", "}",
];
const KWD_FIRST = T.NOT;

/** Tokens that end a list (ash's tokendlist). */
export const ENDS_LIST = new Set<number>([T.EOF, T.RP, T.ENDCASE, T.ENDBQUOTE, T.DO, T.DONE, T.ELIF, T.ELSE, T.ESAC, T.FI, T.THEN, T.END]);

export const CHKALIAS = 1;
export const CHKKWD = 2;
export const CHKNL = 4;
export const CHKEOFMARK = 8;

export function tokname(t: number): string {
  return t < T.SEMI ? TOKNAMES[t] : `"${TOKNAMES[t]}"`;
}

interface PendingHere {
  redir: Redir;
  delim: string;
  strip: boolean;
}

/** bash: the text of a word so far is `name=`, `name+=`, `name[sub]=` or `name[sub]+=`. */
export function assignLength(text: string): number {
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text);
  if (!m) return 0;
  let i = m[0].length;
  if (text[i] === "[") {
    let depth = 0;
    for (; i < text.length; i++) {
      if (text[i] === "[") depth++;
      else if (text[i] === "]" && --depth === 0) break;
    }
    if (i >= text.length) return 0;
    i++;
  }
  if (text[i] === "+") i++;
  return text[i] === "=" ? i + 1 : 0;
}

export interface LexerHooks extends Omit<WordHooks, "eofmark"> {
  alias?(name: string): string | null;
  /** Parse an unquoted here-document's text into parts. */
  hereParts(text: string, linno: number): WordPart[];
}

/** Characters that end a plain run inside a word: word ends, quotes, expansions, backslashes. */
const NOT_PLAIN = /[\s;|()<>&\\'"$`]/g;

/** Where the run of plain word characters starting at `from` ends (`buf.length` if it does not). */
function plainRunEnd(buf: string, from: number): number {
  NOT_PLAIN.lastIndex = from;
  return NOT_PLAIN.exec(buf)?.index ?? buf.length;
}

export class Lexer {
  tokpushback = false;
  lasttoken: number = T.EOF;
  checkkwd = 0;
  quoteflag = false;
  word: Word | null = null;
  redir: Redir | null = null;
  heredocs: PendingHere[] = [];
  private readonly words: WordReader;

  constructor(
    readonly src: Source,
    private readonly hooks: LexerHooks,
  ) {
    this.words = new WordReader(src, {
      cmdSubst: () => hooks.cmdSubst(),
      backquote: (s) => hooks.backquote(s),
      bash: hooks.bash,
      eofmark: () => (this.checkkwd & CHKEOFMARK) !== 0,
    });
  }

  err(msg: string): never {
    throw new ParseError(msg, this.src.linno);
  }

  readtoken(): number {
    let kwd = this.checkkwd;
    for (;;) {
      let t = this.xxreadtoken();
      if (kwd & CHKNL) {
        while (t === T.NL) {
          this.parseHeredocs();
          this.checkkwd = 0;
          t = this.xxreadtoken();
        }
      }
      kwd |= this.checkkwd;
      this.checkkwd = 0;
      if (t === T.WORD && this.src.afterBlankAlias(this.wordStart)) kwd |= CHKALIAS;
      if (t !== T.WORD || this.quoteflag) return t;
      const text = this.word!.text;
      if (kwd & CHKKWD) {
        const k = TOKNAMES.indexOf(text, KWD_FIRST);
        if (k >= 0) {
          this.lasttoken = k;
          return k;
        }
      }
      if (kwd & CHKALIAS && this.hooks.alias && !this.src.aliasActive(text)) {
        const v = this.hooks.alias(text);
        if (v !== null) {
          this.src.pushAlias(text, v);
          continue;
        }
      }
      return t;
    }
  }

  private xxreadtoken(): number {
    if (this.tokpushback) {
      this.tokpushback = false;
      return this.lasttoken;
    }
    const src = this.src;
    for (;;) {
      let c = src.pgetcEatBnl();
      if (c === " " || c === "\t") continue;
      if (c === "#") {
        while ((c = src.pgetc()) !== "\n" && c !== PEOF);
        src.pungetc();
        continue;
      }
      let t: number;
      switch (c) {
        case PEOF:
          t = T.EOF;
          break;
        case "\n":
          t = T.NL;
          break;
        case "(":
          t = T.LP;
          break;
        case ")":
          t = T.RP;
          break;
        case "&":
        case "|":
        case ";": {
          const d = src.pgetcEatBnl();
          if (d === c) t = c === "&" ? T.AND : c === "|" ? T.OR : T.ENDCASE;
          else {
            src.pungetc();
            if (c === "&" && d === ">") return this.readWord(c);
            t = c === "&" ? T.BACKGND : c === "|" ? T.PIPE : T.SEMI;
          }
          break;
        }
        default:
          return this.readWord(c);
      }
      this.lasttoken = t;
      return t;
    }
  }

  /** Where the last word started in the source. */
  private wordStart = 0;

  /** A word (or a redirection operator, possibly with its fd number), starting with c. */
  private readWord(c: string): number {
    const src = this.src;
    this.wordStart = src.pos - 1;
    const out = new Parts();
    let text = "";
    let quoted = false;
    const eofmark = (this.checkkwd & CHKEOFMARK) !== 0;
    for (;; c = src.pgetcEatBnl()) {
      if (c === "(" && this.hooks.bash && !eofmark && text.length > 1 && assignLength(text) === text.length) {
        out.push({ k: "arr", words: this.arrayList() });
        text += "\x01";
        continue;
      }
      if (c === PEOF || c === "\n" || c === " " || c === "\t" || c === ";" || c === "|" || c === "(" || c === ")" || c === "<" || c === ">" || c === "&") break;
      if (c === "\\") {
        const d = src.pgetc();
        if (d === PEOF) {
          out.q("\\");
          src.pungetc();
        } else out.q(d);
        text += "\x01";
        quoted = true;
      } else if (c === "'") {
        this.words.singleQuoted(out);
        text += "\x01";
        quoted = true;
      } else if (c === '"') {
        out.push(this.words.doubleQuoted());
        text += "\x01";
        quoted = true;
      } else if (c === "$") {
        const kind = this.words.dollar(out, false);
        text += kind === "lit" ? "$" : "\x01";
        if (kind === "quote") quoted = true;
      } else if (c === "`") {
        this.words.backquote(out, false);
        text += "\x01";
        if (eofmark) quoted = true;
      } else {
        // the rest of a run of plain characters at once: a word can be as long as a file
        // (`. /bin/sh` reads a binary), and one character at a time that takes seconds
        const end = plainRunEnd(src.buf, src.pos);
        const run = c + src.buf.slice(src.pos, end);
        src.pos = end;
        out.lit(run);
        text += run;
      }
    }
    if ((c === "<" || c === ">" || c === "&") && !quoted && /^\d{0,9}$/.test(text)) {
      if (c !== "&" || src.peek() === ">") {
        this.parseRedir(text, c);
        this.lasttoken = T.REDIR;
        return T.REDIR;
      }
    }
    if (c !== PEOF) src.pungetc();
    this.quoteflag = quoted;
    this.word = { parts: out.list, text, quoted };
    if (this.hooks.bash) this.word.raw = src.buf.slice(this.wordStart, src.pos);
    this.lasttoken = T.WORD;
    return T.WORD;
  }

  /** bash: the words of a compound array assignment, after its "(" up to the ")". */
  private arrayList(): Word[] {
    const src = this.src;
    const saved = { w: this.word, q: this.quoteflag, t: this.lasttoken, s: this.wordStart };
    const words: Word[] = [];
    for (;;) {
      let c = src.pgetcEatBnl();
      if (c === " " || c === "\t" || c === "\n") continue;
      if (c === "#") {
        while ((c = src.pgetc()) !== "\n" && c !== PEOF);
        continue;
      }
      if (c === ")") break;
      if (c === PEOF) this.err("unexpected end of file");
      if (c === "(" || c === ";" || c === "|" || c === "&" || c === "<" || c === ">") throw new ParseError(`unexpected "${c}"`, src.linno, c);
      if (this.readWord(c) !== T.WORD) throw new ParseError("unexpected redirection", src.linno, "newline");
      words.push(this.word!);
    }
    this.word = saved.w;
    this.quoteflag = saved.q;
    this.lasttoken = saved.t;
    this.wordStart = saved.s;
    return words;
  }

  /** After an optional fd number, the operator starting with c ('<', '>' or "&>"). */
  private parseRedir(num: string, c: string): void {
    const src = this.src;
    const fd = num === "" ? -1 : parseInt(num, 10);
    let r: Redir;
    if (c === "&") {
      src.pgetc();
      r = { op: "&>", fd: 1, target: null };
    } else if (c === ">") {
      const d = src.pgetcEatBnl();
      if (d === ">") r = { op: ">>", fd: 1, target: null };
      else if (d === "|") r = { op: ">|", fd: 1, target: null };
      else if (d === "&") r = { op: ">&", fd: 1, target: null };
      else {
        r = { op: ">", fd: 1, target: null };
        src.pungetc();
      }
    } else {
      const d = src.pgetcEatBnl();
      if (d === "<") {
        r = { op: "<<", fd: 0, target: null, here: { body: [], quoted: false } };
        const e = src.pgetcEatBnl();
        const strip = e === "-";
        if (!strip) src.pungetc();
        this.heredocs.push({ redir: r, delim: "", strip });
      } else if (d === "&") r = { op: "<&", fd: 0, target: null };
      else if (d === ">") r = { op: "<>", fd: 0, target: null };
      else {
        r = { op: "<", fd: 0, target: null };
        src.pungetc();
      }
    }
    if (fd >= 0) r.fd = fd;
    this.redir = r;
  }

  /** The here-document whose delimiter word was just read. */
  setHereDelimiter(r: Redir, w: Word): void {
    const h = this.heredocs.find((x) => x.redir === r);
    if (!h) return;
    h.delim = plainText(w);
    r.here!.quoted = w.quoted;
  }

  /** Read the bodies of the pending here-documents (after a newline). */
  parseHeredocs(): void {
    const list = this.heredocs;
    this.heredocs = [];
    for (const h of list) {
      const startLine = this.src.linno;
      const text = this.readHereText(h);
      h.redir.here!.body = h.redir.here!.quoted ? [{ k: "q", s: text }] : this.hooks.hereParts(text, startLine);
    }
  }

  /** Pending here-documents get empty bodies (those left open inside $(...)). */
  emptyHeredocs(): void {
    for (const h of this.heredocs) h.redir.here!.body = [];
    this.heredocs = [];
  }

  private readHereText(h: PendingHere): string {
    const src = this.src;
    const quoted = h.redir.here!.quoted;
    let body = "";
    for (;;) {
      let c = src.pgetc();
      if (h.strip) while (c === "\t") c = src.pgetc();
      let line = "";
      while (c !== "\n" && c !== PEOF) {
        line += c;
        c = src.pgetc();
      }
      if (line === h.delim) return body;
      // an unquoted document joins backslash-newline continued lines before looking for the end
      while (!quoted && c === "\n" && /(^|[^\\])(\\\\)*\\$/.test(line)) {
        line = line.slice(0, -1);
        c = src.pgetc();
        while (c !== "\n" && c !== PEOF) {
          line += c;
          c = src.pgetc();
        }
      }
      body += line;
      if (c === PEOF) return body;
      body += "\n";
    }
  }
}

/** A word's text after quote removal, without expansions (here-document delimiters, for names). */
export function plainText(w: Word): string {
  let s = "";
  const walk = (parts: Word["parts"]): void => {
    for (const p of parts) {
      if (p.k === "lit" || p.k === "q") s += p.s;
      else if (p.k === "dq") walk(p.parts);
      else if (p.k === "param") s += "$" + p.name;
    }
  };
  walk(w.parts);
  return s;
}
