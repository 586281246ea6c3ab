/** The tree an awk program parses into. */
export type Expr =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "re"; v: string }
  | { k: "var"; name: string }
  | { k: "field"; e: Expr }
  | { k: "idx"; name: string; subs: Expr[] }
  | { k: "assign"; op: string; lhs: Expr; rhs: Expr }
  | { k: "cond"; c: Expr; a: Expr; b: Expr }
  | { k: "and" | "or"; a: Expr; b: Expr }
  | { k: "not" | "neg" | "pos"; e: Expr }
  | { k: "bin"; op: string; a: Expr; b: Expr }
  | { k: "cmp"; op: string; a: Expr; b: Expr }
  | { k: "match"; neg: boolean; a: Expr; b: Expr }
  | { k: "in"; subs: Expr[]; name: string }
  | { k: "concat"; a: Expr; b: Expr }
  | { k: "incdec"; op: "++" | "--"; pre: boolean; lhs: Expr }
  | { k: "builtin"; name: string; args: Expr[] }
  | { k: "call"; name: string; args: Expr[] }
  | { k: "getline"; lhs: Expr | null; file: Expr | null; cmd: Expr | null }
  | { k: "group"; e: Expr; list?: Expr[] };

export type Stmt =
  | { k: "print" | "printf"; args: Expr[]; redir: { op: string; target: Expr } | null; line: number }
  | { k: "expr"; e: Expr; line: number }
  | { k: "if"; c: Expr; then: Stmt; else: Stmt | null }
  | { k: "while"; c: Expr; body: Stmt }
  | { k: "do"; body: Stmt; c: Expr }
  | { k: "for"; init: Stmt | null; c: Expr | null; step: Stmt | null; body: Stmt }
  | { k: "forin"; v: Expr; arr: string; body: Stmt }
  | { k: "block"; body: Stmt[] }
  | { k: "next" | "nextfile" | "break" | "continue"; line: number }
  | { k: "exit" | "return"; e: Expr | null; line: number }
  | { k: "delete"; name: string; subs: Expr[] | null; line: number }
  | { k: "getline"; e: Expr; line: number };

export interface Item {
  kind: "begin" | "end" | "main";
  pattern: Expr | null;
  pattern2: Expr | null;
  action: Stmt | null;
  /** For ranges: inside the range? */
  inRange?: boolean;
}

export interface Func {
  name: string;
  params: string[];
  body: Stmt;
}

export interface Program {
  items: Item[];
  funcs: Map<string, Func>;
}
