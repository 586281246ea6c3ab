/**
 * Parse-tree nodes of text/template, with Go's String() forms (used in error contexts such as
 * `executing "" at <.Config.Foo>`).
 */
import { formatFloatV } from "./gofloat";

export type Node =
  | { type: "text"; pos: number; text: string }
  | { type: "action"; pos: number; line: number; pipe: PipeNode }
  | { type: "comment"; pos: number; text: string }
  | IfLike
  | { type: "list"; pos: number; nodes: Node[] }
  | { type: "template"; pos: number; line: number; name: string; pipe: PipeNode | null }
  | { type: "break"; pos: number; line: number }
  | { type: "continue"; pos: number; line: number }
  | PipeNode
  | CommandNode
  | ArgNode
  | { type: "end"; pos: number }
  | { type: "else"; pos: number; line: number };

export interface IfLike {
  type: "if" | "range" | "with";
  pos: number;
  line: number;
  pipe: PipeNode;
  list: ListNode;
  elseList: ListNode | null;
}

export type ListNode = { type: "list"; pos: number; nodes: Node[] };

export interface PipeNode {
  type: "pipe";
  pos: number;
  line: number;
  isAssign: boolean;
  decl: VariableNode[];
  cmds: CommandNode[];
}

export interface CommandNode {
  type: "command";
  pos: number;
  args: ArgNode[];
}

export interface VariableNode {
  type: "variable";
  pos: number;
  ident: string[];
}

export interface NumberNode {
  type: "number";
  pos: number;
  text: string;
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int: number;
  float: number;
}

export type ArgNode =
  | { type: "field"; pos: number; ident: string[] }
  | VariableNode
  | { type: "chain"; pos: number; node: ArgNode; field: string[] }
  | { type: "identifier"; pos: number; ident: string }
  | { type: "dot"; pos: number }
  | { type: "nil"; pos: number }
  | { type: "bool"; pos: number; value: boolean }
  | NumberNode
  | { type: "string"; pos: number; quoted: string; text: string }
  | PipeNode;

/** Go's Node.String() */
export function nodeString(n: Node): string {
  switch (n.type) {
    case "text":
      return JSON.stringify(n.text);
    case "comment":
      return "{{" + n.text + "}}";
    case "action":
      return "{{" + nodeString(n.pipe) + "}}";
    case "list":
      return n.nodes.map(nodeString).join("");
    case "if":
    case "range":
    case "with": {
      let s = `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}`;
      if (n.elseList) s += "{{else}}" + nodeString(n.elseList);
      return s + "{{end}}";
    }
    case "template":
      return n.pipe ? `{{template ${JSON.stringify(n.name)} ${nodeString(n.pipe)}}}` : `{{template ${JSON.stringify(n.name)}}}`;
    case "break":
      return "{{break}}";
    case "continue":
      return "{{continue}}";
    case "end":
      return "{{end}}";
    case "else":
      return "{{else}}";
    case "pipe": {
      let s = "";
      if (n.decl.length > 0) {
        s = n.decl.map(nodeString).join(", ") + (n.isAssign ? " = " : " := ");
      }
      return s + n.cmds.map(nodeString).join(" | ");
    }
    case "command":
      return n.args.map((a) => (a.type === "pipe" ? "(" + nodeString(a) + ")" : nodeString(a))).join(" ");
    case "field":
      return n.ident.map((i) => "." + i).join("");
    case "variable":
      return n.ident.join(".");
    case "chain": {
      const inner = n.node.type === "pipe" ? "(" + nodeString(n.node) + ")" : nodeString(n.node);
      return inner + n.field.map((f) => "." + f).join("");
    }
    case "identifier":
      return n.ident;
    case "dot":
      return ".";
    case "nil":
      return "nil";
    case "bool":
      return n.value ? "true" : "false";
    case "number":
      return n.text;
    case "string":
      return n.quoted;
  }
}

/** The number literal of a NumberNode printed as Go would print its ideal value (for tests). */
export function numberText(n: NumberNode): string {
  return n.isInt ? String(n.int) : formatFloatV(n.float);
}
