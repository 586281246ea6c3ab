/** Parsing awk expressions: precedence from assignment down to "$" fields and grouping. */
import type { Expr } from "./ast";
import type { Tok } from "./lexer";
import { AwkError } from "./values";

export class ParseError extends AwkError {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export class ExprParser {
  protected i = 0;
  constructor(protected readonly t: Tok[]) {}

  protected peek(o = 0): Tok {
    return this.t[Math.min(this.i + o, this.t.length - 1)];
  }
  protected next(): Tok {
    return this.t[this.i < this.t.length - 1 ? this.i++ : this.i];
  }
  protected isOp(v: string, o = 0): boolean {
    const t = this.peek(o);
    return t.type === "op" && t.value === v;
  }
  protected isKw(v: string): boolean {
    const t = this.peek();
    return t.type === "kw" && t.value === v;
  }
  protected fail(): never {
    const t = this.peek();
    throw new ParseError("Unexpected token", t.line);
  }
  protected expectOp(v: string): void {
    if (!this.isOp(v)) this.fail();
    this.i++;
  }
  protected skipNl(): void {
    while (this.peek().type === "nl") this.i++;
  }
  protected skipTerms(): void {
    while (this.peek().type === "nl" || this.isOp(";")) this.i++;
  }

  protected exprList(close: string): Expr[] {
    const out: Expr[] = [this.expr()];
    while (this.isOp(",")) {
      this.i++;
      this.skipNl();
      out.push(this.expr());
    }
    this.expectOp(close);
    return out;
  }

  expr(noGt = false): Expr {
    const lhs = this.ternary(noGt);
    const t = this.peek();
    if (t.type === "op" && ["=", "+=", "-=", "*=", "/=", "%=", "^=", "**="].includes(t.value) && isLvalue(lhs)) {
      this.i++;
      this.skipNl();
      const op = t.value === "**=" ? "^=" : t.value;
      return { k: "assign", op, lhs, rhs: this.expr(noGt) };
    }
    return lhs;
  }

  protected ternary(noGt: boolean): Expr {
    const c = this.or(noGt);
    if (this.isOp("?")) {
      this.i++;
      this.skipNl();
      const a = this.expr(noGt);
      this.skipNl();
      this.expectOp(":");
      this.skipNl();
      const b = this.expr(noGt);
      return { k: "cond", c, a, b };
    }
    return c;
  }

  private or(noGt: boolean): Expr {
    let a = this.and(noGt);
    while (this.isOp("||")) {
      this.i++;
      this.skipNl();
      a = { k: "or", a, b: this.and(noGt) };
    }
    return a;
  }

  private and(noGt: boolean): Expr {
    let a = this.inExpr(noGt);
    while (this.isOp("&&")) {
      this.i++;
      this.skipNl();
      a = { k: "and", a, b: this.inExpr(noGt) };
    }
    return a;
  }

  private inExpr(noGt: boolean): Expr {
    let a = this.matchExpr(noGt);
    while (this.isKw("in")) {
      this.i++;
      const n = this.next();
      if (n.type !== "name") this.fail();
      const subs = a.k === "group" && a.list ? a.list : [a];
      a = { k: "in", subs, name: n.value };
    }
    return a;
  }

  private matchExpr(noGt: boolean): Expr {
    let a = this.rel(noGt);
    while (this.isOp("~") || this.isOp("!~")) {
      const neg = this.next().value === "!~";
      a = { k: "match", neg, a, b: this.rel(noGt) };
    }
    return a;
  }

  private rel(noGt: boolean): Expr {
    let a = this.pipeGetline(noGt);
    const t = this.peek();
    if (t.type === "op" && ["<", "<=", "==", "!=", ">=", ">"].includes(t.value) && !(noGt && t.value === ">")) {
      this.i++;
      a = { k: "cmp", op: t.value, a, b: this.pipeGetline(noGt) };
    }
    return a;
  }

  private pipeGetline(noGt: boolean): Expr {
    let a = this.concat();
    while (this.isOp("|") && this.peek(1).type === "kw" && this.peek(1).value === "getline") {
      this.i += 2;
      const lhs = this.optLvalue();
      a = { k: "getline", lhs, file: null, cmd: a };
    }
    return a;
  }

  private startsOperand(): boolean {
    const t = this.peek();
    if (["num", "str", "ere", "name", "funcname", "builtin"].includes(t.type)) return true;
    if (t.type === "op") return ["$", "(", "!", "-", "+", "++", "--"].includes(t.value);
    return t.type === "kw" && t.value === "getline";
  }

  concat(): Expr {
    let a = this.additive();
    while (this.startsOperand() && !this.isOp("-") && !this.isOp("+") && !this.isOp("!")) {
      a = { k: "concat", a, b: this.additive() };
    }
    return a;
  }

  private additive(): Expr {
    let a = this.mult();
    while (this.isOp("+") || this.isOp("-")) {
      const op = this.next().value;
      a = { k: "bin", op, a, b: this.mult() };
    }
    return a;
  }

  private mult(): Expr {
    let a = this.unary();
    while (this.isOp("*") || this.isOp("/") || this.isOp("%")) {
      const op = this.next().value;
      a = { k: "bin", op, a, b: this.unary() };
    }
    return a;
  }

  private unary(): Expr {
    if (this.isOp("!")) {
      this.i++;
      return { k: "not", e: this.unary() };
    }
    if (this.isOp("-")) {
      this.i++;
      return { k: "neg", e: this.unary() };
    }
    if (this.isOp("+")) {
      this.i++;
      return { k: "pos", e: this.unary() };
    }
    return this.power();
  }

  private power(): Expr {
    const a = this.postfix();
    if (this.isOp("^") || this.isOp("**")) {
      this.i++;
      return { k: "bin", op: "^", a, b: this.unaryPow() };
    }
    return a;
  }

  /** The right side of ^: may be negated, binds to the right. */
  private unaryPow(): Expr {
    if (this.isOp("-")) {
      this.i++;
      return { k: "neg", e: this.unaryPow() };
    }
    if (this.isOp("+")) {
      this.i++;
      return this.unaryPow();
    }
    return this.power();
  }

  private postfix(): Expr {
    const e = this.primary();
    if ((this.isOp("++") || this.isOp("--")) && isLvalue(e)) {
      return { k: "incdec", op: this.next().value as "++" | "--", pre: false, lhs: e };
    }
    return e;
  }

  private optLvalue(): Expr | null {
    const t = this.peek();
    if (t.type === "name" || this.isOp("$")) return this.primary();
    return null;
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.type) {
      case "num":
        return { k: "num", v: t.num! };
      case "str":
        return { k: "str", v: t.value };
      case "ere":
        return { k: "re", v: t.value };
      case "name":
        if (this.isOp("[")) {
          this.i++;
          return { k: "idx", name: t.value, subs: this.exprList("]") };
        }
        return { k: "var", name: t.value };
      case "funcname": {
        this.expectOp("(");
        const args = this.isOp(")") ? (this.i++, []) : this.exprList(")");
        return { k: "call", name: t.value, args };
      }
      case "builtin": {
        if (this.isOp("(")) {
          this.i++;
          const args = this.isOp(")") ? (this.i++, []) : this.exprList(")");
          return { k: "builtin", name: t.value, args };
        }
        if (t.value === "length") return { k: "builtin", name: "length", args: [] };
        this.i--;
        return this.fail();
      }
      case "kw":
        if (t.value === "getline") {
          const lhs = this.optLvalue();
          let file: Expr | null = null;
          if (this.isOp("<")) {
            this.i++;
            file = this.primary();
          }
          return { k: "getline", lhs, file, cmd: null };
        }
        break;
      case "op":
        switch (t.value) {
          case "$":
            return { k: "field", e: this.fieldOperand() };
          case "(": {
            this.skipNl();
            const first = this.expr();
            if (this.isOp(",")) {
              this.i++;
              this.skipNl();
              return { k: "group", e: first, list: [first, ...this.exprList(")")] };
            }
            this.skipNl();
            this.expectOp(")");
            return { k: "group", e: first };
          }
          case "++":
          case "--": {
            const lhs = this.primary();
            if (!isLvalue(lhs)) this.fail();
            return { k: "incdec", op: t.value, pre: true, lhs };
          }
          case "-":
            return { k: "neg", e: this.primary() };
          case "+":
            return { k: "pos", e: this.primary() };
          case "!":
            return { k: "not", e: this.primary() };
        }
    }
    this.i--;
    return this.fail();
  }

  /** What follows "$": a primary, with ++/-- applying to the field, not the index. */
  private fieldOperand(): Expr {
    if (this.isOp("++") || this.isOp("--")) {
      const op = this.next().value as "++" | "--";
      const lhs = this.primary();
      return { k: "incdec", op, pre: true, lhs };
    }
    if (this.isOp("-")) {
      this.i++;
      return { k: "neg", e: this.primary() };
    }
    return this.primary();
  }
}

export function isLvalue(e: Expr): boolean {
  return e.k === "var" || e.k === "field" || e.k === "idx";
}
