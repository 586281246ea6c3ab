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
  | {
      k: "param";
      name: string;
      op: ParamOp;
      colon: boolean;
      arg: WordPart[] | null;
      arg2?: WordPart[] | null;
      bad?: boolean;
      /** bash: ${a[sub]}; "@" and "*" for all elements. */
      sub?: WordPart[] | "@" | "*";
      /** bash: ${!a[@]} (the keys) or ${!name} (indirection). */
      bang?: boolean;
      /** bash: the text of a bad substitution, for "${a[}: bad substitution". */
      text?: string;
    }
  /** bash: the (...) list of a compound array assignment (name=(...) or name+=(...)). */
  | { k: "arr"; words: Word[] }
  /** $(...) or `...`; body null for an empty command. */
  | { k: "cmd"; body: Node | null }
  | { k: "arith"; parts: WordPart[] };

export interface Word {
  parts: WordPart[];
  /** ash's wordtext: literal characters, with \x01 for anything quoted or expanded. */
  text: string;
  /** Some part of the word was quoted. */
  quoted: boolean;
  /** bash: the word's source text (for messages such as "r[$k]: bad array subscript"). */
  raw?: string;
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
  | { t: "func"; linno: number; name: string; body: Node }
  /** bash's [[ ... ]]. */
  | { t: "cond"; linno: number; expr: Cond; redirs: Redir[] };

/** A [[ ]] expression. */
export type Cond =
  | { c: "and" | "or"; a: Cond; b: Cond }
  | { c: "not"; a: Cond }
  | { c: "un"; op: string; w: Word }
  | { c: "bin"; op: string; l: Word; r: Word }
  | { c: "word"; w: Word };

export interface CaseItem {
  patterns: Word[];
  body: Node | null;
}
