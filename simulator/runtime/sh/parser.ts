/**
 * The grammar, as ash's recursive-descent parser has it (list, andor, pipeline, command,
 * simple command), with ash's error messages: `unexpected "fi"`, `unexpected end of file
 * (expecting "done")`, `bad function name`, ...
 */
import type { Node, Redir, Word, WordPart } from "./ast";
import { parseCase, parseFor, parseIf, parseLoop } from "./compound";
import { DepthExceeded, ParseError } from "./errors";
import { assignLength, CHKALIAS, CHKEOFMARK, CHKKWD, CHKNL, ENDS_LIST, Lexer, T, TOKNAMES, tokname } from "./lexer";
import { Source } from "./source";
import { WordReader } from "./words";

/** Builtins that cannot be redefined as functions. */
export const SPECIAL_BUILTINS = new Set([".", ":", "break", "continue", "eval", "exec", "exit", "export", "local", "readonly", "return", "set", "shift", "source", "times", "trap", "unset"]);

/** bash's declaration builtins: their arguments may be compound array assignments. */
const DECLARATION = new Set(["declare", "typeset", "local", "export", "readonly"]);

/** Nesting deeper than this is refused (real ash would overflow its C stack). */
const MAX_DEPTH = 1000;

export class Parser {
  readonly lx: Lexer;
  private depth = 0;

  constructor(
    readonly src: Source,
    private readonly alias?: (name: string) => string | null,
    /** The line of the command being run: `...` text starts there, as ash's setinputstring does. */
    private readonly execLine?: () => number,
    /** The bash dialect: arrays, [[ ]] as a keyword, bash's syntax error texts. */
    readonly bash = false,
  ) {
    this.lx = new Lexer(src, {
      cmdSubst: () => this.cmdSubst(),
      backquote: (s) => this.backquote(s),
      alias,
      bash,
      hereParts: (text, linno) => {
        const sub = new Parser(new Source(text, linno), this.alias, this.execLine, this.bash);
        return new WordReader(sub.src, {
          cmdSubst: () => sub.cmdSubst(),
          backquote: (s) => sub.backquote(s),
          eofmark: () => false,
          inHereDoc: true,
          bash: this.bash,
        }).hereBody();
      },
    });
  }

  /** Parse the next top-level command line: null for a blank line, "eof" at the end. */
  parseCommand(): Node | null | "eof" {
    this.lx.tokpushback = false;
    this.lx.checkkwd = 0;
    this.lx.heredocs = [];
    const n = this.list(1);
    return n;
  }

  /** The command line just parsed ended at the end of the input. */
  atEof(): boolean {
    return this.lx.tokpushback && this.lx.lasttoken === T.EOF;
  }

  /** `unexpected <token>[ (expecting <token>)]`. */
  unexpected(expecting = -1): never {
    const t = this.lx.lasttoken;
    let msg = "unexpected " + tokname(t);
    if (expecting >= 0) msg += ` (expecting ${tokname(expecting)})`;
    const token = t === T.EOF ? undefined : t === T.NL ? "newline" : t === T.WORD ? this.lx.word!.text.replace(/\x01/g, "") : t === T.REDIR ? this.lx.redir!.op : TOKNAMES[t];
    throw new ParseError(msg, this.src.linno, token);
  }

  syntax(msg: string): never {
    throw new ParseError(msg, this.src.linno);
  }

  readtoken(): number {
    return this.lx.readtoken();
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new DepthExceeded();
  }

  list(nlflag: number): Node | null | "eof" {
    const lx = this.lx;
    const chknl = nlflag & 1 ? 0 : CHKNL;
    let n1: Node | null = null;
    for (;;) {
      lx.checkkwd = chknl | CHKKWD | CHKALIAS;
      let tok = this.readtoken();
      if (tok === T.NL) {
        lx.parseHeredocs();
        return n1;
      }
      if (tok === T.EOF) {
        lx.parseHeredocs();
        lx.tokpushback = true;
        lx.lasttoken = T.EOF;
        if (!n1 && !chknl) return "eof";
        return n1;
      }
      lx.tokpushback = true;
      if (nlflag === 2 && ENDS_LIST.has(tok)) return n1;
      nlflag |= 2;
      let n2 = this.andor();
      tok = this.readtoken();
      if (tok === T.BACKGND) {
        if (n2.t === "pipe") n2.bg = true;
        else if (n2.t === "redir") n2 = { t: "bg", body: n2.body, redirs: n2.redirs, linno: n2.linno };
        else n2 = { t: "bg", body: n2, redirs: [], linno: 0 };
      }
      n1 = n1 ? { t: "semi", a: n1, b: n2 } : n2;
      switch (tok) {
        case T.EOF:
          lx.parseHeredocs();
          lx.tokpushback = true;
          lx.lasttoken = T.EOF;
          return n1;
        case T.NL:
          lx.tokpushback = true;
          break;
        case T.BACKGND:
        case T.SEMI:
          break;
        default:
          if (!chknl) this.unexpected();
          lx.tokpushback = true;
          return n1;
      }
    }
  }

  /** A list that is part of a compound command (never "eof"). */
  body(): Node | null {
    const n = this.list(0);
    return n === "eof" ? null : n;
  }

  private andor(): Node {
    let n1 = this.pipeline();
    for (;;) {
      const t = this.readtoken();
      if (t !== T.AND && t !== T.OR) {
        this.lx.tokpushback = true;
        return n1;
      }
      this.lx.checkkwd = CHKNL | CHKKWD | CHKALIAS;
      const n2 = this.pipeline();
      n1 = { t: t === T.AND ? "and" : "or", a: n1, b: n2 };
    }
  }

  private pipeline(): Node {
    let negate = false;
    if (this.readtoken() === T.NOT) {
      negate = true;
      this.lx.checkkwd = CHKKWD | CHKALIAS;
    } else this.lx.tokpushback = true;
    let n1 = this.command();
    if (this.readtoken() === T.PIPE) {
      const cmds = [n1];
      do {
        this.lx.checkkwd = CHKNL | CHKKWD | CHKALIAS;
        cmds.push(this.command());
      } while (this.readtoken() === T.PIPE);
      n1 = { t: "pipe", cmds, bg: false };
    }
    this.lx.tokpushback = true;
    return negate ? { t: "not", body: n1 } : n1;
  }

  private command(): Node {
    this.enter();
    try {
      return this.command1();
    } finally {
      this.depth--;
    }
  }

  private command1(): Node {
    const lx = this.lx;
    const savelinno = this.src.linno;
    let n1: Node;
    let end: number;
    switch (this.readtoken()) {
      default:
        this.unexpected();
      // falls through (unexpected never returns)
      case T.IF:
        n1 = parseIf(this);
        end = T.FI;
        break;
      case T.WHILE:
      case T.UNTIL:
        n1 = parseLoop(this, lx.lasttoken === T.WHILE ? "while" : "until");
        end = T.DONE;
        break;
      case T.FOR:
        n1 = parseFor(this, savelinno);
        end = T.DONE;
        break;
      case T.CASE:
        return this.trailingRedirs(parseCase(this, savelinno), savelinno);
      case T.LP:
        n1 = { t: "subshell", body: this.body(), redirs: [], linno: savelinno };
        end = T.RP;
        break;
      case T.BEGIN:
        n1 = this.body() ?? { t: "cmd", linno: savelinno, assigns: [], args: [], redirs: [] };
        end = T.END;
        break;
      case T.FUNCTION:
      case T.WORD:
      case T.REDIR:
        lx.tokpushback = true;
        return this.simple();
    }
    if (this.readtoken() !== end) this.unexpected(end);
    return this.trailingRedirs(n1, savelinno);
  }

  private trailingRedirs(n1: Node, linno: number): Node {
    const lx = this.lx;
    const redirs: Redir[] = [];
    lx.checkkwd = CHKKWD | CHKALIAS;
    while (this.readtoken() === T.REDIR) {
      const r = lx.redir!;
      redirs.push(r);
      this.fname(r);
    }
    lx.tokpushback = true;
    if (redirs.length === 0) return n1;
    if (n1.t === "subshell") {
      n1.redirs = redirs;
      return n1;
    }
    return { t: "redir", body: n1, redirs, linno };
  }

  /** The word after a redirection operator. */
  private fname(r: Redir): void {
    const lx = this.lx;
    if (r.op === "<<") lx.checkkwd = CHKEOFMARK;
    if (this.readtoken() !== T.WORD) this.unexpected();
    const w = lx.word!;
    if (r.op === "<<") lx.setHereDelimiter(r, w);
    else if (r.op === "<&" || r.op === ">&") {
      if (/^\d+$/.test(w.text) && w.text.length < 10) r.dupfd = parseInt(w.text, 10);
      else if (w.text === "-") r.dupfd = -1;
      else r.target = w;
    } else r.target = w;
  }

  private simple(): Node {
    const lx = this.lx;
    const args: Word[] = [];
    const assigns: Word[] = [];
    const redirs: Redir[] = [];
    let savecheckkwd = CHKALIAS;
    const savelinno = this.src.linno;
    let functionFlag = false;
    let brackets = false;
    for (;;) {
      lx.checkkwd = savecheckkwd;
      let t = this.readtoken();
      if (brackets && (t === T.AND || t === T.OR)) {
        // inside [[ ]], && and || are words for the test
        const s = t === T.AND ? "&&" : "||";
        lx.word = { parts: [{ k: "lit", s }], text: s, quoted: false };
        t = T.WORD;
      }
      if (t === T.FUNCTION) {
        if (this.readtoken() !== T.WORD) this.unexpected(T.WORD);
        lx.tokpushback = true;
        functionFlag = true;
        continue;
      }
      if (t === T.WORD) {
        const w = lx.word!;
        if (w.text === "[[" && !w.quoted) brackets = true;
        else if (w.text === "]]" && !w.quoted) brackets = false;
        if (savecheckkwd && (this.bash ? assignLength(w.text) > 0 : /^[A-Za-z_][A-Za-z0-9_]*=/.test(w.text))) assigns.push(w);
        else {
          // bash takes name=(...) only as an assignment or an argument of a declaration builtin
          if (this.bash && w.parts.some((p) => p.k === "arr") && !(args.length && DECLARATION.has(args[0].text))) throw new ParseError(`unexpected "("`, this.src.linno, "(");
          args.push(w);
          savecheckkwd = 0;
        }
        if (functionFlag) {
          lx.checkkwd = CHKNL | CHKKWD;
          const t2 = this.readtoken();
          lx.tokpushback = true;
          if (t2 === T.BEGIN || t2 === T.IF || t2 === T.CASE || t2 === T.UNTIL || t2 === T.WHILE || t2 === T.FOR) return this.defun(args, assigns, redirs, true);
          if (t2 === T.LP) functionFlag = false;
          else this.unexpected();
        }
        continue;
      }
      if (t === T.REDIR) {
        const r = lx.redir!;
        redirs.push(r);
        this.fname(r);
        continue;
      }
      if (t === T.LP && args.length === 1 && assigns.length === 0 && redirs.length === 0) {
        return this.defun(args, assigns, redirs, false);
      }
      lx.tokpushback = true;
      break;
    }
    return { t: "cmd", linno: savelinno, assigns, args, redirs };
  }

  private defun(args: Word[], assigns: Word[], redirs: Redir[], viaKeyword: boolean): Node {
    const lx = this.lx;
    if (!viaKeyword && this.readtoken() !== T.RP) this.unexpected(T.RP);
    const w = args[args.length - 1];
    const name = w.text;
    if (args.length !== 1 || assigns.length || redirs.length || w.quoted || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || SPECIAL_BUILTINS.has(name)) {
      this.syntax("bad function name");
    }
    lx.checkkwd = CHKNL | CHKKWD | CHKALIAS;
    const linno = this.src.linno;
    return { t: "func", linno, name, body: this.command() };
  }

  /** $( ... ): the list and its ")" (here-documents inside are read before the ")"). */
  cmdSubst(): Node | null {
    const lx = this.lx;
    const saved = { tp: lx.tokpushback, lt: lx.lasttoken, ck: lx.checkkwd, qf: lx.quoteflag, w: lx.word, r: lx.redir, hd: lx.heredocs };
    lx.heredocs = [];
    lx.tokpushback = false;
    this.enter();
    let n: Node | null | "eof";
    try {
      n = this.list(2);
      if (this.readtoken() !== T.RP) this.unexpected(T.RP);
      // here-documents still pending at the ")" are read from nothing, as ash does
      lx.emptyHeredocs();
    } finally {
      this.depth--;
    }
    lx.tokpushback = saved.tp;
    lx.lasttoken = saved.lt;
    lx.checkkwd = saved.ck;
    lx.quoteflag = saved.qf;
    lx.word = saved.w;
    lx.redir = saved.r;
    lx.heredocs = saved.hd;
    return n === "eof" ? null : n;
  }

  /** `...`: the text re-read as commands. */
  backquote(text: string): Node | null {
    const sub = new Parser(new Source(text, this.execLine ? this.execLine() : this.src.linno), this.alias, this.execLine, this.bash);
    sub.depth = this.depth + 1;
    if (sub.depth > MAX_DEPTH) throw new DepthExceeded();
    const n = sub.list(2);
    sub.lx.parseHeredocs();
    return n === "eof" ? null : n;
  }
}

/** Parse a whole text as one list (for tests and tools). */
export function parseAll(text: string): Node[] {
  const src = new Source(text);
  const out: Node[] = [];
  for (;;) {
    const p = new Parser(src);
    const n = p.parseCommand();
    if (n === "eof") return out;
    if (n) out.push(n);
    if (p.atEof()) return out;
  }
}

export type { WordPart };
