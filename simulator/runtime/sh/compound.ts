/** Parsing compound commands (if, while/until, for, case) as ash's parse_command does. */
import type { CaseItem, Node, Word } from "./ast";
import { CHKALIAS, CHKKWD, CHKNL, T } from "./lexer";
import type { Parser } from "./parser";

export function parseIf(p: Parser): Node {
  const lx = p.lx;
  const test = p.body();
  if (p.readtoken() !== T.THEN) p.unexpected(T.THEN);
  const top: Node & { t: "if" } = { t: "if", test, then: p.body(), else: null };
  let cur = top;
  while (p.readtoken() === T.ELIF) {
    const t2 = p.body();
    if (p.readtoken() !== T.THEN) p.unexpected(T.THEN);
    const next: Node & { t: "if" } = { t: "if", test: t2, then: p.body(), else: null };
    cur.else = next;
    cur = next;
  }
  if (lx.lasttoken === T.ELSE) cur.else = p.body();
  else lx.tokpushback = true;
  return top;
}

export function parseLoop(p: Parser, kind: "while" | "until"): Node {
  const test = p.body();
  if (p.readtoken() !== T.DO) p.unexpected(T.DO);
  return { t: kind, test, body: p.body() };
}

export function parseFor(p: Parser, linno: number): Node {
  const lx = p.lx;
  if (p.readtoken() !== T.WORD || lx.quoteflag || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(lx.word!.text)) p.syntax("bad for loop variable");
  const name = lx.word!.text;
  let words: Word[] | null = null;
  lx.checkkwd = CHKNL | CHKKWD | CHKALIAS;
  if (p.readtoken() === T.IN) {
    words = [];
    while (p.readtoken() === T.WORD) words.push(lx.word!);
    if (lx.lasttoken !== T.NL && lx.lasttoken !== T.SEMI) p.unexpected();
  } else if (lx.lasttoken !== T.SEMI) lx.tokpushback = true;
  lx.checkkwd = CHKNL | CHKKWD | CHKALIAS;
  if (p.readtoken() !== T.DO) p.unexpected(T.DO);
  return { t: "for", linno, name, words, body: p.body() };
}

/** case WORD in [(]pat[|pat]...) list ;; ... esac (the patterns are the words as read, keywords too). */
export function parseCase(p: Parser, linno: number): Node {
  const lx = p.lx;
  if (p.readtoken() !== T.WORD) p.unexpected(T.WORD);
  const word = lx.word!;
  lx.checkkwd = CHKNL | CHKKWD | CHKALIAS;
  if (p.readtoken() !== T.IN) p.unexpected(T.IN);
  const items: CaseItem[] = [];
  lx.checkkwd = CHKNL | CHKKWD;
  let t = p.readtoken();
  while (t !== T.ESAC) {
    if (lx.lasttoken === T.LP) p.readtoken();
    const patterns: Word[] = [];
    for (;;) {
      patterns.push(lx.word ?? { parts: [], text: "", quoted: false });
      if (p.readtoken() !== T.PIPE) break;
      p.readtoken();
    }
    if (lx.lasttoken !== T.RP) p.unexpected(T.RP);
    const b = p.list(2);
    items.push({ patterns, body: b === "eof" ? null : b });
    lx.checkkwd = CHKNL | CHKKWD;
    t = p.readtoken();
    if (t !== T.ESAC) {
      if (t !== T.ENDCASE) p.unexpected(T.ENDCASE);
      lx.checkkwd = CHKNL | CHKKWD;
      t = p.readtoken();
    }
  }
  return { t: "case", linno, word, items };
}
