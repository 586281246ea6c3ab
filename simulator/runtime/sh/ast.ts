/**
 * The shell's syntax tree. Words keep their quoting structure (instead of ash's control
 * characters) so expansion knows which characters were quoted.
 */

export type ParamOp =
  | "" // $x, ${x}
  | "-" // ${x-w} ${x:-w}
  | "=" // ${x=w}
  | "?" // ${x?w}
  | "+" // ${x+w}
  | "len" // ${#x}
  | "#" // ${x#p}
  | "##"
  | "%"
  | "%%"
  | "/" // ${x/p/r}
  | "//"
  | ":"; // ${x:off:len}

export type WordPart =
  /** Unquoted literal text: subject to globbing, not to field splitting. */
  | { k: "lit"; s: string }
  /** Quoted literal text (single quotes, backslash escapes). */
  | { k: "q"; s: string }
  /** A double-quoted region. */
  | { k: "dq"; parts: WordPart[] }
  | { k: "param"; name: string; op: ParamOp; colon: boolean; arg: WordPart[] | null; arg2?: WordPart[] | null; bad?: boolean }
  /** $(...) or `...`; body null for an empty command. */
  | { k: "cmd"; body: Node | null }
  | { k: "arith"; parts: WordPart[] };

export interface Word {
  parts: WordPart[];
  /** ash's wordtext: literal characters, with \x01 for anything quoted or expanded. */
  text: string;
  /** Some part of the word was quoted. */
  quoted: boolean;
}

export type RedirOp = "<" | ">" | ">>" | ">|" | "<>" | "<&" | ">&" | "<<" | "&>";

export interface Redir {
  op: RedirOp;
  fd: number;
  /** File name (or, for <& and >&, a word that expands to a fd number or "-"). */
  target: Word | null;
  /** For <& and >& with a literal number or "-" (-1 closes). */
  dupfd?: number;
  /** Here-document body; `quoted` delimiters give literal text. */
  here?: { body: WordPart[]; quoted: boolean };
}

export type Node =
  | { t: "cmd"; linno: number; assigns: Word[]; args: Word[]; redirs: Redir[] }
  | { t: "pipe"; cmds: Node[]; bg: boolean }
  | { t: "not"; body: Node }
  | { t: "and" | "or" | "semi"; a: Node; b: Node }
  | { t: "bg"; body: Node; redirs: Redir[]; linno: number }
  | { t: "redir"; body: Node; redirs: Redir[]; linno: number }
  | { t: "subshell"; body: Node | null; redirs: Redir[]; linno: number }
  | { t: "if"; test: Node | null; then: Node | null; else: Node | null }
  | { t: "while" | "until"; test: Node | null; body: Node | null }
  | { t: "for"; linno: number; name: string; words: Word[] | null; body: Node | null }
  | { t: "case"; linno: number; word: Word; items: CaseItem[] }
  | { t: "func"; linno: number; name: string; body: Node };

export interface CaseItem {
  patterns: Word[];
  body: Node | null;
}
