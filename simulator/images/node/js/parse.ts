/**
 * The JavaScript subset the node model runs: a lexer and a recursive-descent parser to a small
 * AST. Covered: var/let/const (with object and array destructuring), functions (declarations,
 * expressions, arrows, async/await, default and rest parameters), if/else, for (classic, of,
 * in), while, do-while, switch, break/continue, return, throw, try/catch/finally, blocks;
 * literals (numbers, strings, template literals, arrays, objects with shorthand, methods, computed
 * keys and spread), the usual operators including ?. and ??, `new`, and `this` in plain
 * functions. Not covered: classes, generators, regular expression literals, labels, getters and
 * setters; they fail with a SyntaxError that names the construct.
 */

export class JsSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly col: number,
  ) {
    super(message);
  }
}

export interface Tok {
  t: "id" | "num" | "str" | "tpl" | "p" | "eof";
  v: string;
  /** Template literal: cooked strings and expression sources. */
  parts?: { strs: string[]; exprs: Array<{ src: string; line: number }> };
  line: number;
  col: number;
  /** A line break came before this token. */
  nl: boolean;
  num?: number;
}

const PUNCT = [">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=", "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "**", "<<", ">>", "{", "}", "(", ")", "[", "]", ";", ",", "<", ">", "+", "-", "*", "/", "%", "&", "|", "^", "!", "~", "?", ":", "=", "."];

function escape(c: string): string {
  return ({ n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", v: "\v", "0": "\0" } as Record<string, string>)[c] ?? c;
}

export function lex(src: string, line0 = 1): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  let line = line0;
  let col = 1;
  let nl = false;
  const adv = (n = 1) => {
    for (let k = 0; k < n; k++) {
      if (src[i] === "\n") {
        line++;
        col = 1;
      } else col++;
      i++;
    }
  };
  if (src.startsWith("#!")) while (i < src.length && src[i] !== "\n") adv();
  while (i < src.length) {
    const c = src[i];
    if (c === "\n") {
      nl = true;
      adv();
      continue;
    }
    if (/\s/.test(c)) {
      adv();
      continue;
    }
    if (c === "/" && src[i + 1] === "/") {
      while (i < src.length && src[i] !== "\n") adv();
      continue;
    }
    if (c === "/" && src[i + 1] === "*") {
      const end = src.indexOf("*/", i + 2);
      if (end < 0) throw new JsSyntaxError("Invalid or unexpected token", line, col);
      while (i < end + 2) {
        if (src[i] === "\n") nl = true;
        adv();
      }
      continue;
    }
    const start = { line, col, nl };
    nl = false;
    if (/[A-Za-z_$]/.test(c)) {
      let w = "";
      while (i < src.length && /[A-Za-z0-9_$]/.test(src[i])) {
        w += src[i];
        adv();
      }
      out.push({ t: "id", v: w, ...start });
    } else if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(src[i + 1] ?? ""))) {
      let w = "";
      if (c === "0" && /[xXbBoO]/.test(src[i + 1] ?? "")) {
        w = src.slice(i, i + 2);
        adv(2);
        while (i < src.length && /[0-9a-fA-F_]/.test(src[i])) {
          w += src[i];
          adv();
        }
      } else
        while (i < src.length && (/[0-9._]/.test(src[i]) || (/[eE]/.test(src[i]) && /[0-9+-]/.test(src[i + 1] ?? "")) || (/[+-]/.test(src[i]) && /[eE]/.test(src[i - 1])))) {
          w += src[i];
          adv();
        }
      out.push({ t: "num", v: w, num: Number(w.replace(/_/g, "")), ...start });
    } else if (c === '"' || c === "'") {
      adv();
      let s = "";
      while (src[i] !== c) {
        if (i >= src.length || src[i] === "\n") throw new JsSyntaxError("Invalid or unexpected token", start.line, start.col);
        if (src[i] === "\\") {
          adv();
          if (src[i] === "u" && src[i + 1] === "{") {
            const end = src.indexOf("}", i);
            s += String.fromCodePoint(parseInt(src.slice(i + 2, end), 16));
            adv(end - i + 1);
            continue;
          }
          if (src[i] === "u") {
            s += String.fromCharCode(parseInt(src.slice(i + 1, i + 5), 16));
            adv(5);
            continue;
          }
          if (src[i] === "\n") {
            adv();
            continue;
          }
          s += escape(src[i]);
          adv();
          continue;
        }
        s += src[i];
        adv();
      }
      adv();
      out.push({ t: "str", v: s, ...start });
    } else if (c === "`") {
      adv();
      const strs: string[] = [];
      const exprs: Array<{ src: string; line: number }> = [];
      let s = "";
      for (;;) {
        if (i >= src.length) throw new JsSyntaxError("Unterminated template literal", start.line, start.col);
        if (src[i] === "`") {
          adv();
          break;
        }
        if (src[i] === "\\") {
          adv();
          s += escape(src[i]);
          adv();
          continue;
        }
        if (src[i] === "$" && src[i + 1] === "{") {
          adv(2);
          strs.push(s);
          s = "";
          let depth = 1;
          let e = "";
          const eLine = line;
          while (i < src.length) {
            if (src[i] === "{") depth++;
            if (src[i] === "}" && --depth === 0) break;
            if (src[i] === "'" || src[i] === '"' || src[i] === "`") {
              const q = src[i];
              e += q;
              adv();
              while (i < src.length && src[i] !== q) {
                if (src[i] === "\\") {
                  e += src[i];
                  adv();
                }
                e += src[i];
                adv();
              }
            }
            e += src[i];
            adv();
          }
          adv();
          exprs.push({ src: e, line: eLine });
          continue;
        }
        s += src[i];
        adv();
      }
      strs.push(s);
      out.push({ t: "tpl", v: "`", parts: { strs, exprs }, ...start });
    } else {
      const p = PUNCT.find((x) => src.startsWith(x, i));
      if (!p) throw new JsSyntaxError("Invalid or unexpected token", line, col);
      // a regular expression literal where an operand is expected
      if (p === "/" || p === "/=") {
        const prev = out[out.length - 1];
        if (!prev || (prev.t === "p" && ![")", "]", "}"].includes(prev.v)) || (prev.t === "id" && ["return", "typeof", "case"].includes(prev.v))) {
          throw new JsSyntaxError("regular expression literals are not supported by this model of node", line, col);
        }
      }
      adv(p.length);
      out.push({ t: "p", v: p, ...start });
    }
  }
  out.push({ t: "eof", v: "", line, col, nl: true });
  return out;
}

export type Pattern = { k: "id"; name: string } | { k: "obj"; props: Array<{ key: string; value: Pattern; def: Node | null }>; rest: string | null } | { k: "arr"; items: Array<{ value: Pattern; def: Node | null } | null>; rest: string | null };

export interface FnNode {
  k: "fn";
  name: string | null;
  params: Array<{ p: Pattern; def: Node | null }>;
  rest: Pattern | null;
  body: Node[] | Node;
  arrow: boolean;
  async: boolean;
  line: number;
}

export type Node =
  | { k: "num"; v: number; line: number }
  | { k: "str"; v: string; line: number }
  | { k: "tpl"; strs: string[]; exprs: Node[]; line: number }
  | { k: "id"; name: string; line: number; col: number }
  | { k: "lit"; v: boolean | null | undefined; line: number }
  | { k: "this"; line: number }
  | { k: "arr"; items: Array<Node | { k: "spread"; x: Node } | null>; line: number }
  | { k: "obj"; props: Array<{ key: string | Node; value: Node } | { k: "spread"; x: Node }>; line: number }
  | FnNode
  | { k: "un"; op: string; x: Node; line: number }
  | { k: "upd"; op: string; prefix: boolean; x: Node; line: number }
  | { k: "bin"; op: string; l: Node; r: Node; line: number }
  | { k: "assign"; op: string; target: Node | Pattern; x: Node; line: number }
  | { k: "cond"; c: Node; a: Node; b: Node; line: number }
  | { k: "call"; f: Node; args: Array<Node | { k: "spread"; x: Node }>; opt: boolean; line: number }
  | { k: "new"; f: Node; args: Array<Node | { k: "spread"; x: Node }>; line: number }
  | { k: "mem"; o: Node; p: Node | string; opt: boolean; line: number }
  | { k: "await"; x: Node; line: number }
  | { k: "seq"; xs: Node[]; line: number }
  // statements
  | { k: "var"; kind: string; decls: Array<{ p: Pattern; init: Node | null }>; line: number }
  | { k: "expr"; x: Node; line: number }
  | { k: "block"; body: Node[]; line: number }
  | { k: "if"; c: Node; a: Node; b: Node | null; line: number }
  | { k: "for"; init: Node | null; test: Node | null; update: Node | null; body: Node; line: number }
  | { k: "forof"; of: boolean; decl: string | null; p: Pattern; x: Node; body: Node; line: number }
  | { k: "while"; c: Node; body: Node; doWhile: boolean; line: number }
  | { k: "return"; x: Node | null; line: number }
  | { k: "break"; line: number }
  | { k: "continue"; line: number }
  | { k: "throw"; x: Node; line: number }
  | { k: "try"; body: Node[]; param: Pattern | null; handler: Node[] | null; finalizer: Node[] | null; line: number }
  | { k: "switch"; x: Node; cases: Array<{ test: Node | null; body: Node[] }>; line: number }
  | { k: "fndecl"; fn: FnNode; line: number }
  | { k: "empty"; line: number };

const PREC: Record<string, number> = {
  "??": 1, "||": 2, "&&": 3, "|": 4, "^": 5, "&": 6, "==": 7, "!=": 7, "===": 7, "!==": 7,
  "<": 8, ">": 8, "<=": 8, ">=": 8, instanceof: 8, in: 8, "<<": 9, ">>": 9, ">>>": 9, "+": 10, "-": 10, "*": 11, "/": 11, "%": 11, "**": 12,
};
const ASSIGN = new Set(["=", "+=", "-=", "*=", "/=", "%=", "**=", "&&=", "||=", "??=", "<<=", ">>=", "&=", "|=", "^="]);

export class Parser {
  i = 0;
  constructor(readonly t: Tok[]) {}

  peek(o = 0): Tok {
    return this.t[Math.min(this.i + o, this.t.length - 1)];
  }
  next(): Tok {
    return this.t[this.i++];
  }
  is(v: string, o = 0): boolean {
    const t = this.peek(o);
    return (t.t === "p" || t.t === "id") && t.v === v;
  }
  eat(v: string): boolean {
    if (this.is(v)) {
      this.i++;
      return true;
    }
    return false;
  }
  fail(t: Tok = this.peek()): never {
    if (t.t === "eof") throw new JsSyntaxError("Unexpected end of input", t.line, t.col);
    if (t.t === "str" || t.t === "tpl") throw new JsSyntaxError("Unexpected string", t.line, t.col);
    if (t.t === "num") throw new JsSyntaxError("Unexpected number", t.line, t.col);
    if (t.t === "id" && !KEYWORDS.has(t.v)) throw new JsSyntaxError("Unexpected identifier '" + t.v + "'", t.line, t.col);
    throw new JsSyntaxError(`Unexpected token '${t.v}'`, t.line, t.col);
  }
  expect(v: string): Tok {
    if (!this.is(v)) this.fail();
    return this.next();
  }
  ident(): string {
    const t = this.next();
    if (t.t !== "id" || RESERVED.has(t.v)) this.fail(t);
    return t.v;
  }
  semi(): void {
    if (this.eat(";")) return;
    const t = this.peek();
    if (t.nl || t.t === "eof" || this.is("}")) return;
    this.fail();
  }

  program(): Node[] {
    const out: Node[] = [];
    while (this.peek().t !== "eof") out.push(this.statement());
    return out;
  }

  statement(): Node {
    const t = this.peek();
    const line = t.line;
    if (t.t === "p" && t.v === "{") return { k: "block", body: this.block(), line };
    if (t.t === "p" && t.v === ";") {
      this.next();
      return { k: "empty", line };
    }
    if (t.t === "id") {
      switch (t.v) {
        case "var":
        case "let":
        case "const": {
          const d = this.varDecl();
          this.semi();
          return d;
        }
        case "function":
          return { k: "fndecl", fn: this.fn(false), line };
        case "async":
          if (this.is("function", 1) && !this.peek(1).nl) {
            this.next();
            return { k: "fndecl", fn: this.fn(true), line };
          }
          break;
        case "class":
          throw new JsSyntaxError("classes are not supported by this model of node", t.line, t.col);
        case "if": {
          this.next();
          this.expect("(");
          const c = this.expression();
          this.expect(")");
          const a = this.statement();
          const b = this.eat("else") ? this.statement() : null;
          return { k: "if", c, a, b, line };
        }
        case "for":
          return this.forStatement();
        case "while": {
          this.next();
          this.expect("(");
          const c = this.expression();
          this.expect(")");
          return { k: "while", c, body: this.statement(), doWhile: false, line };
        }
        case "do": {
          this.next();
          const body = this.statement();
          this.expect("while");
          this.expect("(");
          const c = this.expression();
          this.expect(")");
          this.eat(";");
          return { k: "while", c, body, doWhile: true, line };
        }
        case "return": {
          this.next();
          const n = this.peek();
          const x = n.nl || this.is(";") || this.is("}") || n.t === "eof" ? null : this.expression();
          this.semi();
          return { k: "return", x, line };
        }
        case "break":
        case "continue":
          this.next();
          this.semi();
          return { k: t.v, line };
        case "throw": {
          this.next();
          const x = this.expression();
          this.semi();
          return { k: "throw", x, line };
        }
        case "try": {
          this.next();
          const body = this.block();
          let param: Pattern | null = null;
          let handler: Node[] | null = null;
          let finalizer: Node[] | null = null;
          if (this.eat("catch")) {
            if (this.eat("(")) {
              param = this.pattern();
              this.expect(")");
            }
            handler = this.block();
          }
          if (this.eat("finally")) finalizer = this.block();
          return { k: "try", body, param, handler, finalizer, line };
        }
        case "switch": {
          this.next();
          this.expect("(");
          const x = this.expression();
          this.expect(")");
          this.expect("{");
          const cases: Array<{ test: Node | null; body: Node[] }> = [];
          while (!this.eat("}")) {
            let test: Node | null = null;
            if (this.eat("case")) test = this.expression();
            else this.expect("default");
            this.expect(":");
            const body: Node[] = [];
            while (!this.is("case") && !this.is("default") && !this.is("}")) body.push(this.statement());
            cases.push({ test, body });
          }
          return { k: "switch", x, cases, line };
        }
      }
    }
    const x = this.expression();
    this.semi();
    return { k: "expr", x, line };
  }

  block(): Node[] {
    this.expect("{");
    const out: Node[] = [];
    while (!this.eat("}")) {
      if (this.peek().t === "eof") this.fail();
      out.push(this.statement());
    }
    return out;
  }

  varDecl(): Node {
    const t = this.next();
    const decls: Array<{ p: Pattern; init: Node | null }> = [];
    do {
      const p = this.pattern();
      const init = this.eat("=") ? this.assignment() : null;
      if (init === null && t.v === "const" && !this.is("of") && !this.is("in")) throw new JsSyntaxError("Missing initializer in const declaration", this.peek().line, this.peek().col);
      decls.push({ p, init });
    } while (this.eat(","));
    return { k: "var", kind: t.v, decls, line: t.line };
  }

  pattern(): Pattern {
    if (this.eat("{")) {
      const props: Array<{ key: string; value: Pattern; def: Node | null }> = [];
      let rest: string | null = null;
      while (!this.eat("}")) {
        if (this.eat("...")) rest = this.ident();
        else {
          const kt = this.next();
          const key = kt.t === "str" ? kt.v : kt.v;
          const value: Pattern = this.eat(":") ? this.pattern() : { k: "id", name: key };
          const def = this.eat("=") ? this.assignment() : null;
          props.push({ key, value, def });
        }
        if (!this.is("}")) this.expect(",");
      }
      return { k: "obj", props, rest };
    }
    if (this.eat("[")) {
      const items: Array<{ value: Pattern; def: Node | null } | null> = [];
      let rest: string | null = null;
      while (!this.eat("]")) {
        if (this.is(",")) {
          this.next();
          items.push(null);
          continue;
        }
        if (this.eat("...")) rest = this.ident();
        else {
          const value = this.pattern();
          items.push({ value, def: this.eat("=") ? this.assignment() : null });
        }
        if (!this.is("]")) this.expect(",");
      }
      return { k: "arr", items, rest };
    }
    return { k: "id", name: this.ident() };
  }

  forStatement(): Node {
    const line = this.next().line;
    if (this.is("await")) throw new JsSyntaxError("for await is not supported by this model of node", this.peek().line, this.peek().col);
    this.expect("(");
    let init: Node | null = null;
    if (this.is("var") || this.is("let") || this.is("const")) {
      const kind = this.peek().v;
      if ((this.is("of", 2) || this.is("in", 2)) && this.peek(1).t === "id") {
        this.next();
        const p: Pattern = { k: "id", name: this.ident() };
        return this.forOf(kind, p, line);
      }
      if (this.is("{", 1) || this.is("[", 1)) {
        const save = this.i;
        this.next();
        const p = this.pattern();
        if (this.is("of") || this.is("in")) return this.forOf(kind, p, line);
        this.i = save;
      }
      init = this.varDecl();
    } else if (!this.is(";")) {
      if (this.peek().t === "id" && (this.is("of", 1) || this.is("in", 1))) {
        const p: Pattern = { k: "id", name: this.ident() };
        return this.forOf(null, p, line);
      }
      init = { k: "expr", x: this.expression(), line };
    }
    this.expect(";");
    const test = this.is(";") ? null : this.expression();
    this.expect(";");
    const update = this.is(")") ? null : this.expression();
    this.expect(")");
    return { k: "for", init, test, update, body: this.statement(), line };
  }

  forOf(decl: string | null, p: Pattern, line: number): Node {
    const of = this.next().v === "of";
    const x = this.expression();
    this.expect(")");
    return { k: "forof", of, decl, p, x, body: this.statement(), line };
  }

  fn(isAsync: boolean): FnNode {
    const line = this.expect("function").line;
    if (this.is("*")) throw new JsSyntaxError("generators are not supported by this model of node", this.peek().line, this.peek().col);
    const name = this.peek().t === "id" ? this.ident() : null;
    const { params, rest } = this.params();
    return { k: "fn", name, params, rest, body: this.block(), arrow: false, async: isAsync, line };
  }

  params(): { params: Array<{ p: Pattern; def: Node | null }>; rest: Pattern | null } {
    this.expect("(");
    const params: Array<{ p: Pattern; def: Node | null }> = [];
    let rest: Pattern | null = null;
    while (!this.eat(")")) {
      if (this.eat("...")) rest = this.pattern();
      else params.push({ p: this.pattern(), def: this.eat("=") ? this.assignment() : null });
      if (!this.is(")")) this.expect(",");
    }
    return { params, rest };
  }

  /** Whether an arrow function starts here: `x =>`, `(...) =>`, `async x =>`, `async (...) =>`. */
  arrowAhead(): boolean {
    let j = this.i;
    if (this.t[j].t === "id" && this.t[j].v === "async" && !this.t[j + 1].nl && (this.t[j + 1].t === "id" || this.t[j + 1].v === "(")) j++;
    const t = this.t[j];
    if (t.t === "id" && this.t[j + 1]?.v === "=>") return true;
    if (t.t !== "p" || t.v !== "(") return false;
    let depth = 0;
    for (let k = j; k < this.t.length; k++) {
      const x = this.t[k];
      if (x.t === "p" && (x.v === "(" || x.v === "[" || x.v === "{")) depth++;
      else if (x.t === "p" && (x.v === ")" || x.v === "]" || x.v === "}")) {
        depth--;
        if (depth === 0) return this.t[k + 1]?.t === "p" && this.t[k + 1].v === "=>";
      } else if (x.t === "eof") return false;
    }
    return false;
  }

  arrow(): FnNode {
    const line = this.peek().line;
    const isAsync = this.is("async") && !this.is("=>", 1) ? (this.next(), true) : false;
    let params: Array<{ p: Pattern; def: Node | null }>;
    let rest: Pattern | null = null;
    if (this.peek().t === "id") params = [{ p: { k: "id", name: this.ident() }, def: null }];
    else ({ params, rest } = this.params());
    this.expect("=>");
    const body = this.is("{") ? this.block() : this.assignment();
    return { k: "fn", name: null, params, rest, body, arrow: true, async: isAsync, line };
  }

  expression(): Node {
    const x = this.assignment();
    if (this.is(",")) {
      const xs = [x];
      while (this.eat(",")) xs.push(this.assignment());
      return { k: "seq", xs, line: x.line };
    }
    return x;
  }

  assignment(): Node {
    if (this.arrowAhead()) return this.arrow();
    const start = this.i;
    const line = this.peek().line;
    // destructuring assignment: ({a} = x) / [a, b] = x
    if ((this.is("[") || this.is("{")) && this.peek().t === "p") {
      const save = this.i;
      try {
        const p = this.pattern();
        if (this.is("=")) {
          this.next();
          return { k: "assign", op: "=", target: p, x: this.assignment(), line };
        }
      } catch {
        /* not a pattern */
      }
      this.i = save;
    }
    const left = this.conditional();
    const t = this.peek();
    if (t.t === "p" && ASSIGN.has(t.v)) {
      if (left.k !== "id" && left.k !== "mem") throw new JsSyntaxError("Invalid left-hand side in assignment", this.t[start].line, this.t[start].col);
      this.next();
      return { k: "assign", op: t.v, target: left, x: this.assignment(), line };
    }
    return left;
  }

  conditional(): Node {
    const c = this.binary(0);
    if (this.eat("?")) {
      const a = this.assignment();
      this.expect(":");
      const b = this.assignment();
      return { k: "cond", c, a, b, line: c.line };
    }
    return c;
  }

  binary(min: number): Node {
    let l = this.unary();
    for (;;) {
      const t = this.peek();
      const op = t.v;
      const p = (t.t === "p" || (t.t === "id" && (op === "instanceof" || op === "in"))) ? PREC[op] : undefined;
      if (p === undefined || p <= min) return l;
      this.next();
      const r = op === "**" ? this.binary(p - 1) : this.binary(p);
      l = { k: "bin", op, l, r, line: t.line };
    }
  }

  unary(): Node {
    const t = this.peek();
    if (t.t === "p" && ["!", "-", "+", "~"].includes(t.v)) {
      this.next();
      return { k: "un", op: t.v, x: this.unary(), line: t.line };
    }
    if (t.t === "p" && (t.v === "++" || t.v === "--")) {
      this.next();
      return { k: "upd", op: t.v, prefix: true, x: this.unary(), line: t.line };
    }
    if (t.t === "id" && (t.v === "typeof" || t.v === "void" || t.v === "delete")) {
      this.next();
      return { k: "un", op: t.v, x: this.unary(), line: t.line };
    }
    if (t.t === "id" && t.v === "await") {
      this.next();
      return { k: "await", x: this.unary(), line: t.line };
    }
    const x = this.postfix();
    return x;
  }

  postfix(): Node {
    const x = this.callMember(this.primary());
    const t = this.peek();
    if (t.t === "p" && (t.v === "++" || t.v === "--") && !t.nl) {
      this.next();
      return { k: "upd", op: t.v, prefix: false, x, line: t.line };
    }
    return x;
  }

  args(): Array<Node | { k: "spread"; x: Node }> {
    this.expect("(");
    const out: Array<Node | { k: "spread"; x: Node }> = [];
    while (!this.eat(")")) {
      out.push(this.eat("...") ? { k: "spread", x: this.assignment() } : this.assignment());
      if (!this.is(")")) this.expect(",");
    }
    return out;
  }

  callMember(x: Node): Node {
    for (;;) {
      const t = this.peek();
      if (this.eat(".")) {
        const n = this.next();
        if (n.t !== "id") this.fail(n);
        x = { k: "mem", o: x, p: n.v, opt: false, line: n.line };
      } else if (this.is("?.")) {
        this.next();
        if (this.is("(")) x = { k: "call", f: x, args: this.args(), opt: true, line: t.line };
        else if (this.eat("[")) {
          const p = this.expression();
          this.expect("]");
          x = { k: "mem", o: x, p, opt: true, line: t.line };
        } else {
          const n = this.next();
          if (n.t !== "id") this.fail(n);
          x = { k: "mem", o: x, p: n.v, opt: true, line: n.line };
        }
      } else if (this.is("[") && !(t.nl && false)) {
        this.next();
        const p = this.expression();
        this.expect("]");
        x = { k: "mem", o: x, p, opt: false, line: t.line };
      } else if (this.is("(")) {
        x = { k: "call", f: x, args: this.args(), opt: false, line: t.line };
      } else if (t.t === "tpl") {
        throw new JsSyntaxError("tagged templates are not supported by this model of node", t.line, t.col);
      } else return x;
    }
  }

  primary(): Node {
    const t = this.next();
    const line = t.line;
    switch (t.t) {
      case "num":
        return { k: "num", v: t.num!, line };
      case "str":
        return { k: "str", v: t.v, line };
      case "tpl":
        return { k: "tpl", strs: t.parts!.strs, exprs: t.parts!.exprs.map((e) => parseExpression(e.src, e.line)), line };
      case "id":
        switch (t.v) {
          case "true":
            return { k: "lit", v: true, line };
          case "false":
            return { k: "lit", v: false, line };
          case "null":
            return { k: "lit", v: null, line };
          case "undefined":
            return { k: "lit", v: undefined, line };
          case "this":
            return { k: "this", line };
          case "function":
            this.i--;
            return this.fn(false);
          case "async":
            if (this.is("function")) return this.fn(true);
            return { k: "id", name: "async", line, col: t.col };
          case "new": {
            if (this.eat(".")) {
              this.ident();
              return { k: "lit", v: undefined, line };
            }
            let f: Node = this.primary();
            while (this.is(".") || this.is("[")) {
              if (this.eat(".")) f = { k: "mem", o: f, p: this.ident(), opt: false, line };
              else {
                this.next();
                const p = this.expression();
                this.expect("]");
                f = { k: "mem", o: f, p, opt: false, line };
              }
            }
            const args = this.is("(") ? this.args() : [];
            return { k: "new", f, args, line };
          }
          case "class":
            throw new JsSyntaxError("classes are not supported by this model of node", t.line, t.col);
        }
        if (RESERVED.has(t.v)) this.fail(t);
        return { k: "id", name: t.v, line, col: t.col };
      case "p":
        if (t.v === "(") {
          const x = this.expression();
          this.expect(")");
          return x;
        }
        if (t.v === "[") {
          const items: Array<Node | { k: "spread"; x: Node } | null> = [];
          while (!this.eat("]")) {
            if (this.is(",")) {
              this.next();
              items.push(null);
              continue;
            }
            items.push(this.eat("...") ? { k: "spread", x: this.assignment() } : this.assignment());
            if (!this.is("]")) this.expect(",");
          }
          return { k: "arr", items, line };
        }
        if (t.v === "{") {
          const props: Array<{ key: string | Node; value: Node } | { k: "spread"; x: Node }> = [];
          while (!this.eat("}")) {
            if (this.eat("...")) props.push({ k: "spread", x: this.assignment() });
            else {
              let isAsync = false;
              if (this.is("async") && !this.is(",", 1) && !this.is(":", 1) && !this.is("(", 1) && !this.is("}", 1)) {
                this.next();
                isAsync = true;
              }
              const kt = this.next();
              let key: string | Node;
              if (kt.t === "p" && kt.v === "[") {
                key = this.assignment();
                this.expect("]");
              } else if (kt.t === "id" || kt.t === "str") key = kt.v;
              else if (kt.t === "num") key = String(kt.num);
              else this.fail(kt);
              if ((kt.v === "get" || kt.v === "set") && this.peek().t === "id" && !this.is("(")) throw new JsSyntaxError("getters and setters are not supported by this model of node", kt.line, kt.col);
              if (this.is("(")) {
                const { params, rest } = this.params();
                props.push({ key, value: { k: "fn", name: typeof key === "string" ? key : null, params, rest, body: this.block(), arrow: false, async: isAsync, line: kt.line } });
              } else if (this.eat(":")) props.push({ key, value: this.assignment() });
              else {
                if (kt.t !== "id") this.fail(kt);
                const def = this.eat("=") ? this.assignment() : null;
                void def;
                props.push({ key, value: { k: "id", name: kt.v, line: kt.line, col: kt.col } });
              }
            }
            if (!this.is("}")) this.expect(",");
          }
          return { k: "obj", props, line };
        }
    }
    return this.fail(t);
  }
}

const KEYWORDS = new Set(["var", "let", "const", "function", "return", "if", "else", "for", "while", "do", "break", "continue", "new", "this", "typeof", "instanceof", "in", "of", "try", "catch", "finally", "throw", "switch", "case", "default", "class", "void", "delete", "await", "async", "null", "true", "false", "undefined"]);
const RESERVED = new Set(["var", "let", "const", "function", "return", "if", "else", "for", "while", "do", "break", "continue", "new", "this", "typeof", "instanceof", "in", "try", "catch", "finally", "throw", "switch", "case", "default", "class", "void", "delete", "null", "true", "false"]);

export function parseProgram(src: string): Node[] {
  return new Parser(lex(src)).program();
}

export function parseExpression(src: string, line = 1): Node {
  const p = new Parser(lex(src, line));
  const x = p.expression();
  if (p.peek().t !== "eof") p.fail();
  return x;
}
