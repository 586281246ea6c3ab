/** Parsing awk programs: items (BEGIN, END, patterns, functions) and statements. */
import type { Expr, Func, Item, Program, Stmt } from "./ast";
import { type Tok, tokenize } from "./lexer";
import { ExprParser, ParseError } from "./parse-expr";
import { AwkError } from "./values";

export type { Expr, Func, Item, Program, Stmt } from "./ast";
export { ParseError } from "./parse-expr";

class Parser extends ExprParser {
  program(): Program {
    const items: Item[] = [];
    const funcs = new Map<string, Func>();
    this.skipTerms();
    while (this.peek().type !== "eof") {
      if (this.isKw("function")) {
        this.i++;
        const nt = this.next();
        if (nt.type !== "name" && nt.type !== "funcname") this.fail();
        this.expectOp("(");
        const params: string[] = [];
        while (!this.isOp(")")) {
          const p = this.next();
          if (p.type !== "name") this.fail();
          params.push(p.value);
          if (this.isOp(",")) {
            this.i++;
            this.skipNl();
          } else if (!this.isOp(")")) this.fail();
        }
        this.i++;
        this.skipNl();
        funcs.set(nt.value, { name: nt.value, params, body: this.block() });
      } else if (this.isKw("BEGIN") || this.isKw("END")) {
        const kind = this.next().value === "BEGIN" ? "begin" : "end";
        this.skipNl();
        if (!this.isOp("{")) this.fail();
        items.push({ kind, pattern: null, pattern2: null, action: this.block() });
      } else {
        let pattern: Expr | null = null;
        let pattern2: Expr | null = null;
        if (!this.isOp("{")) {
          pattern = this.expr();
          if (this.isOp(",")) {
            this.i++;
            this.skipNl();
            pattern2 = this.expr();
          }
        }
        const action = this.isOp("{") ? this.block() : null;
        items.push({ kind: "main", pattern, pattern2, action });
      }
      this.skipTerms();
    }
    return { items, funcs };
  }

  private block(): Stmt {
    this.expectOp("{");
    const body: Stmt[] = [];
    this.skipTerms();
    while (!this.isOp("}")) {
      if (this.peek().type === "eof") this.fail();
      body.push(this.stmt());
      this.skipTerms();
    }
    this.i++;
    return { k: "block", body };
  }

  /** End of a simple statement: ";", newline, or before "}". */
  private endSimple(): void {
    const t = this.peek();
    if (t.type === "nl" || this.isOp(";")) {
      this.i++;
      return;
    }
    if (this.isOp("}") || t.type === "eof") return;
    this.fail();
  }

  private stmt(): Stmt {
    const t = this.peek();
    const line = t.line;
    if (this.isOp("{")) return this.block();
    if (this.isOp(";")) {
      this.i++;
      return { k: "block", body: [] };
    }
    if (t.type === "kw") {
      switch (t.value) {
        case "if": {
          this.i++;
          this.expectOp("(");
          const c = this.expr();
          this.expectOp(")");
          this.skipNl();
          const then = this.stmt();
          const save = this.i;
          this.skipTerms();
          if (this.isKw("else")) {
            this.i++;
            this.skipNl();
            return { k: "if", c, then, else: this.stmt() };
          }
          this.i = save;
          return { k: "if", c, then, else: null };
        }
        case "while": {
          this.i++;
          this.expectOp("(");
          const c = this.expr();
          this.expectOp(")");
          if (this.isOp(";")) {
            this.i++;
            return { k: "while", c, body: { k: "block", body: [] } };
          }
          this.skipNl();
          return { k: "while", c, body: this.stmt() };
        }
        case "do": {
          this.i++;
          this.skipNl();
          const body = this.stmt();
          this.skipTerms();
          if (!this.isKw("while")) this.fail();
          this.i++;
          this.expectOp("(");
          const c = this.expr();
          this.expectOp(")");
          this.endSimple();
          return { k: "do", body, c };
        }
        case "for": {
          this.i++;
          this.expectOp("(");
          // for (var in array)
          if (this.peek().type === "name" && this.peek(1).type === "kw" && this.peek(1).value === "in" && this.peek(2).type === "name" && this.isOp(")", 3)) {
            const v: Expr = { k: "var", name: this.next().value };
            this.i++;
            const arr = this.next().value;
            this.i++;
            this.skipNl();
            return { k: "forin", v, arr, body: this.stmt() };
          }
          const init = this.isOp(";") ? null : this.simple();
          this.expectOp(";");
          this.skipNl();
          const c = this.isOp(";") ? null : this.expr();
          this.expectOp(";");
          this.skipNl();
          const step = this.isOp(")") ? null : this.simple();
          this.expectOp(")");
          if (this.isOp(";")) {
            this.i++;
            return { k: "for", init, c, step, body: { k: "block", body: [] } };
          }
          this.skipNl();
          return { k: "for", init, c, step, body: this.stmt() };
        }
        case "next":
        case "nextfile":
        case "break":
        case "continue":
          this.i++;
          this.endSimple();
          return { k: t.value, line };
        case "exit":
        case "return": {
          this.i++;
          let e: Expr | null = null;
          if (!(this.peek().type === "nl" || this.isOp(";") || this.isOp("}") || this.peek().type === "eof")) e = this.expr();
          this.endSimple();
          return { k: t.value, e, line };
        }
        case "delete": {
          this.i++;
          const n = this.next();
          if (n.type !== "name") this.fail();
          let subs: Expr[] | null = null;
          if (this.isOp("[")) {
            this.i++;
            subs = this.exprList("]");
          }
          this.endSimple();
          return { k: "delete", name: n.value, subs, line };
        }
      }
    }
    const s = this.simple();
    this.endSimple();
    return s;
  }

  /** print, printf or an expression (no terminator). */
  private simple(): Stmt {
    const t = this.peek();
    const line = t.line;
    if (t.type === "kw" && (t.value === "print" || t.value === "printf")) {
      this.i++;
      let args: Expr[] = [];
      const ends = () => this.peek().type === "nl" || this.peek().type === "eof" || this.isOp(";") || this.isOp("}") || this.isOp(">") || this.isOp(">>") || this.isOp("|");
      if (!ends()) {
        args = [this.expr(true)];
        while (this.isOp(",")) {
          this.i++;
          this.skipNl();
          args.push(this.expr(true));
        }
        // print (a, b) > "f": a parenthesised list
        const only = args[0];
        if (args.length === 1 && only.k === "group" && only.list) args = only.list;
      }
      let redir: { op: string; target: Expr } | null = null;
      if (this.isOp(">") || this.isOp(">>") || this.isOp("|")) {
        const op = this.next().value;
        redir = { op, target: this.ternary(true) };
      }
      if (t.value === "printf" && args.length === 0) this.fail();
      return { k: t.value as "print" | "printf", args, redir, line };
    }
    return { k: "expr", e: this.expr(), line };
  }
}

export function parseProgram(src: string): Program {
  let toks: Tok[];
  try {
    toks = tokenize(src);
  } catch (e) {
    if (e instanceof AwkError) throw new ParseError(e.message, src.split("\n").length);
    throw e;
  }
  return new Parser(toks).program();
}
