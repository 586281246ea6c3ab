/**
 * The text/template parser (Go's text/template/parse): builds the tree for the main template and
 * any {{define}}/{{block}} templates, and reports errors in Go's words, e.g.
 *   template: :1: unexpected {{end}}
 *   template: :1: function "nofunc" not defined
 */
import { itemString, lex, type Item } from "./lex";
import type { ArgNode, CommandNode, IfLike, ListNode, Node, NumberNode, PipeNode, VariableNode } from "./nodes";
import { newNumber, NumberSyntaxError } from "./numbers";
import { unquoteBody } from "./strconv";

export class TemplateParseError extends Error {}

export interface Tree {
  name: string;
  /** Name of the top-level template it was parsed with (error locations use it). */
  parseName: string;
  root: ListNode;
  text: string;
}

class Parser {
  items: Item[];
  i = 0;
  last: Item;
  vars: string[] = ["$"];
  rangeDepth = 0;

  constructor(
    readonly text: string,
    readonly parseName: string,
    readonly hasFunc: (name: string) => boolean,
    readonly treeSet: Map<string, Tree>,
  ) {
    this.items = lex(text);
    this.last = this.items[0];
  }

  errorf(msg: string): never {
    throw new TemplateParseError(`template: ${this.parseName}:${this.last.line}: ${msg}`);
  }
  next(): Item {
    const it = this.items[Math.min(this.i, this.items.length - 1)];
    this.i++;
    this.last = it;
    return it;
  }
  backup(): void {
    this.i--;
  }
  peek(): Item {
    return this.items[Math.min(this.i, this.items.length - 1)];
  }
  nextNonSpace(): Item {
    let t: Item;
    do t = this.next();
    while (t.typ === "space");
    return t;
  }
  peekNonSpace(): Item {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }
  unexpected(t: Item, context: string): never {
    if (t.typ === "error") this.errorf(t.val);
    this.errorf(`unexpected ${itemString(t)} in ${context}`);
  }
  expect(typ: Item["typ"], context: string): Item {
    const t = this.nextNonSpace();
    if (t.typ !== typ) this.unexpected(t, context);
    return t;
  }

  parse(name: string): void {
    const root: ListNode = { type: "list", pos: this.peek().pos, nodes: [] };
    while (this.peek().typ !== "EOF") {
      if (this.peek().typ === "leftDelim") {
        const save = this.i;
        this.next();
        if (this.nextNonSpace().typ === "define") {
          this.parseDefinition();
          continue;
        }
        this.i = save;
      }
      const n = this.textOrAction();
      if (n.type === "end" || n.type === "else") this.errorf(`unexpected ${n.type === "end" ? "{{end}}" : "{{else}}"}`);
      root.nodes.push(n);
    }
    this.add({ name, parseName: this.parseName, root, text: this.text });
  }

  add(tree: Tree): void {
    const existing = this.treeSet.get(tree.name);
    if (!existing || isEmptyTree(existing.root)) {
      this.treeSet.set(tree.name, tree);
      return;
    }
    if (!isEmptyTree(tree.root)) this.errorf(`template: multiple definition of template ${JSON.stringify(tree.name)}`);
  }

  parseDefinition(): void {
    const context = "define clause";
    const tok = this.nextNonSpace();
    if (tok.typ !== "string" && tok.typ !== "rawString") this.unexpected(tok, context);
    const name = this.unquote(tok);
    this.expect("rightDelim", context);
    const savedVars = this.vars;
    this.vars = ["$"];
    const [list, end] = this.itemList();
    if (end.type !== "end") this.errorf(`unexpected {{else}} in ${context}`);
    this.vars = savedVars;
    this.add({ name, parseName: this.parseName, root: list, text: this.text });
  }

  itemList(): [ListNode, Node] {
    const list: ListNode = { type: "list", pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().typ !== "EOF") {
      const n = this.textOrAction();
      if (n.type === "end" || n.type === "else") return [list, n];
      list.nodes.push(n);
    }
    this.errorf("unexpected EOF");
  }

  textOrAction(): Node {
    const t = this.nextNonSpace();
    if (t.typ === "text") return { type: "text", pos: t.pos, text: t.val };
    if (t.typ === "leftDelim") return this.action();
    return this.unexpected(t, "input");
  }

  action(): Node {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case "block":
        return this.blockControl();
      case "break":
        return this.breakControl(t, "break");
      case "continue":
        return this.breakControl(t, "continue");
      case "else":
        return this.elseControl();
      case "end":
        return { type: "end", pos: this.expect("rightDelim", "end").pos };
      case "if":
        return this.control("if");
      case "range":
        return this.control("range");
      case "template":
        return this.templateControl();
      case "with":
        return this.control("with");
    }
    this.backup();
    const tok = this.peek();
    return { type: "action", pos: tok.pos, line: tok.line, pipe: this.pipeline("command", "rightDelim") };
  }

  breakControl(t: Item, word: "break" | "continue"): Node {
    const tok = this.nextNonSpace();
    if (tok.typ !== "rightDelim") this.unexpected(tok, `{{${word}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${word}}} outside {{range}}`);
    return { type: word, pos: t.pos, line: t.line };
  }

  elseControl(): Node {
    const p = this.peekNonSpace();
    if (p.typ === "if" || p.typ === "with") return { type: "else", pos: p.pos, line: p.line };
    const t = this.expect("rightDelim", "else");
    return { type: "else", pos: t.pos, line: t.line };
  }

  control(kind: "if" | "range" | "with"): IfLike {
    const mark = this.vars.length;
    if (kind === "range") this.rangeDepth++;
    const pipe = this.pipeline(kind, "rightDelim");
    let [list, next] = this.itemList();
    if (kind === "range") this.rangeDepth--;
    let elseList: ListNode | null = null;
    if (next.type === "else") {
      const p = this.peek();
      if ((kind === "if" && p.typ === "if") || (kind === "with" && p.typ === "with")) {
        this.next();
        elseList = { type: "list", pos: next.pos, nodes: [this.control(kind)] };
      } else {
        [elseList, next] = this.itemList();
        if (next.type !== "end") this.errorf("expected end; found {{else}}");
      }
    }
    this.vars.length = mark;
    return { type: kind, pos: pipe.pos, line: pipe.line, pipe, list, elseList };
  }

  blockControl(): Node {
    const context = "block clause";
    const tok = this.nextNonSpace();
    const name = this.parseTemplateName(tok, context);
    const pipe = this.pipeline(context, "rightDelim");
    const savedVars = this.vars;
    this.vars = ["$"];
    const [list, end] = this.itemList();
    if (end.type !== "end") this.errorf(`unexpected {{else}} in ${context}`);
    this.vars = savedVars;
    this.add({ name, parseName: this.parseName, root: list, text: this.text });
    return { type: "template", pos: tok.pos, line: tok.line, name, pipe };
  }

  templateControl(): Node {
    const context = "template clause";
    const tok = this.nextNonSpace();
    const name = this.parseTemplateName(tok, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== "rightDelim") {
      this.backup();
      pipe = this.pipeline(context, "rightDelim");
    }
    return { type: "template", pos: tok.pos, line: tok.line, name, pipe };
  }

  parseTemplateName(tok: Item, context: string): string {
    if (tok.typ === "string" || tok.typ === "rawString") return this.unquote(tok);
    return this.unexpected(tok, context);
  }

  unquote(tok: Item): string {
    if (tok.typ === "rawString") return tok.val.slice(1, -1).replace(/\r/g, "");
    const s = unquoteBody(tok.val.slice(1, -1), '"');
    if (s === null) this.errorf("invalid syntax");
    return s;
  }

  pipeline(context: string, end: "rightDelim" | "rightParen"): PipeNode {
    const tok = this.peekNonSpace();
    const pipe: PipeNode = { type: "pipe", pos: tok.pos, line: tok.line, isAssign: false, decl: [], cmds: [] };
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== "variable") break;
      const save = this.i;
      this.nextNonSpace();
      const afterVar = this.peek();
      const nxt = this.peekNonSpace();
      if (nxt.typ === "assign" || nxt.typ === "declare") {
        pipe.isAssign = nxt.typ === "assign";
        this.nextNonSpace();
        pipe.decl.push({ type: "variable", pos: v.pos, ident: [v.val] });
        this.vars.push(v.val);
      } else if (nxt.typ === "char" && nxt.val === ",") {
        this.nextNonSpace();
        pipe.decl.push({ type: "variable", pos: v.pos, ident: [v.val] });
        this.vars.push(v.val);
        if (context === "range" && pipe.decl.length < 2) {
          const p = this.peekNonSpace().typ;
          if (p === "variable" || p === "rightDelim" || p === "rightParen") continue decls;
          this.errorf("range can only initialize variables");
        }
        this.errorf(`too many declarations in ${context}`);
      } else {
        void afterVar;
        this.i = save;
      }
      break;
    }
    for (;;) {
      const t = this.nextNonSpace();
      switch (t.typ) {
        case "rightDelim":
        case "rightParen":
          this.checkPipeline(pipe, context);
          if (t.typ === "rightParen") this.backup();
          return pipe;
        case "bool":
        case "charConstant":
        case "complex":
        case "dot":
        case "field":
        case "identifier":
        case "number":
        case "nil":
        case "rawString":
        case "string":
        case "variable":
        case "leftParen":
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(t, context);
      }
    }
  }

  checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const k = c.args[0].type;
      if (k === "bool" || k === "dot" || k === "nil" || k === "number" || k === "string")
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
    });
  }

  command(): CommandNode {
    const cmd: CommandNode = { type: "command", pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const t = this.next();
      if (t.typ === "space") continue;
      if (t.typ === "error") this.errorf(t.val);
      if (t.typ === "rightDelim" || t.typ === "rightParen") this.backup();
      else if (t.typ !== "pipe") this.errorf(`unexpected ${itemString(t)} in operand`);
      break;
    }
    if (cmd.args.length === 0) this.errorf("empty command");
    return cmd;
  }

  operand(): ArgNode | null {
    let node = this.term();
    if (!node) return null;
    if (this.peek().typ === "field") {
      const chainPos = this.peek().pos;
      const fields: string[] = [];
      while (this.peek().typ === "field") fields.push(this.next().val.slice(1));
      switch (node.type) {
        case "field":
          node = { type: "field", pos: chainPos, ident: [...node.ident, ...fields] };
          break;
        case "variable":
          node = { type: "variable", pos: chainPos, ident: [...node.ident, ...fields] };
          break;
        case "bool":
        case "string":
        case "number":
        case "nil":
        case "dot": {
          const s = node.type === "string" ? node.quoted : node.type === "number" ? node.text : node.type === "bool" ? String(node.value) : node.type === "nil" ? "nil" : ".";
          this.errorf(`unexpected . after term ${JSON.stringify(s)}`);
          break;
        }
        default:
          node = { type: "chain", pos: chainPos, node, field: fields };
      }
    }
    return node;
  }

  term(): ArgNode | null {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case "error":
        this.errorf(t.val);
        break;
      case "identifier":
        if (!this.hasFunc(t.val)) this.errorf(`function ${JSON.stringify(t.val)} not defined`);
        return { type: "identifier", pos: t.pos, ident: t.val };
      case "dot":
        return { type: "dot", pos: t.pos };
      case "nil":
        return { type: "nil", pos: t.pos };
      case "variable":
        return this.useVar(t);
      case "field":
        return { type: "field", pos: t.pos, ident: [t.val.slice(1)] };
      case "bool":
        return { type: "bool", pos: t.pos, value: t.val === "true" };
      case "charConstant":
      case "complex":
      case "number":
        return this.newNumber(t);
      case "leftParen": {
        const pipe = this.pipeline("parenthesized pipeline", "rightParen");
        const close = this.next();
        if (close.typ !== "rightParen") this.errorf(`unclosed right paren: unexpected ${itemString(close)}`);
        return pipe;
      }
      case "string":
      case "rawString":
        return { type: "string", pos: t.pos, quoted: t.val, text: this.unquote(t) };
    }
    this.backup();
    return null;
  }

  useVar(t: Item): VariableNode {
    const ident = t.val.split(".");
    if (!this.vars.includes(ident[0])) this.errorf(`undefined variable ${JSON.stringify(ident[0])}`);
    return { type: "variable", pos: t.pos, ident };
  }

  newNumber(t: Item): NumberNode {
    try {
      return newNumber(t);
    } catch (e) {
      if (e instanceof NumberSyntaxError) this.errorf(e.message);
      throw e;
    }
  }
}

function isEmptyTree(n: Node): boolean {
  if (n.type === "list") return n.nodes.every(isEmptyTree);
  if (n.type === "text") return n.text.trim() === "";
  return false;
}

/** Parses `text` as template `name`; returns every template it defines (the main one included). */
export function parseTemplates(name: string, text: string, hasFunc: (name: string) => boolean): Map<string, Tree> {
  const treeSet = new Map<string, Tree>();
  const p = new Parser(text, name, hasFunc, treeSet);
  p.parse(name);
  return treeSet;
}
