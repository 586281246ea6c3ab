/**
 * The SQL the postgres model understands: a small, honest subset, enough to show that a table's
 * rows live in the data directory.
 *
 *   CREATE TABLE [IF NOT EXISTS] t (col type [PRIMARY KEY] [NOT NULL] [UNIQUE] [DEFAULT v], ...)
 *   DROP TABLE [IF EXISTS] t          CREATE DATABASE d          DROP DATABASE [IF EXISTS] d
 *   INSERT INTO t [(cols)] VALUES (...), ... [RETURNING cols]
 *   SELECT exprs [FROM t] [WHERE cond] [ORDER BY col [ASC|DESC], ...] [LIMIT n]
 *   UPDATE t SET col = expr, ... [WHERE cond]        DELETE FROM t [WHERE cond]
 *   BEGIN / COMMIT / ROLLBACK (accepted; statements apply at once)
 *
 * Types: integer (int, int4, bigint, smallint, serial, bigserial), text (varchar(n), char(n)),
 * boolean, numeric/real/double precision, date and timestamp (kept as text). Expressions:
 * literals, columns, + - * / ||, comparisons, AND/OR/NOT, IS [NOT] NULL, LIKE, count(*),
 * now(), version(), current_database(), current_user. Errors carry PostgreSQL's texts and the
 * position psql points at.
 */

export type Value = string | number | boolean | null;

export interface Column {
  name: string;
  type: string;
  notNull: boolean;
  primaryKey: boolean;
  unique: boolean;
  serial: boolean;
  default: Expr | null;
}

export interface Table {
  oid: number;
  name: string;
  columns: Column[];
  /** Next value of each serial column's sequence. */
  seq: Record<string, number>;
}

/** What a statement runs against: one database's tables (the server stores them in PGDATA). */
export interface Db {
  name: string;
  user: string;
  tables(): Table[];
  table(name: string): Table | undefined;
  createTable(t: Omit<Table, "oid">): Table;
  saveTable(t: Table): void;
  dropTable(name: string): void;
  rows(t: Table): Value[][];
  writeRows(t: Table, rows: Value[][]): void;
  createDatabase(name: string): string | null;
  dropDatabase(name: string, ifExists: boolean): string | null;
  now(): number;
  version: string;
}

export interface Result {
  command: string;
  columns?: Array<{ name: string; numeric: boolean }>;
  rows?: Value[][];
}

export class SqlError extends Error {
  constructor(
    message: string,
    readonly position: number | null = null,
    readonly detail: string | null = null,
  ) {
    super(message);
  }
}

// --- lexer ---

interface Tok {
  k: "word" | "ident" | "num" | "str" | "op" | "eof";
  v: string;
  pos: number;
}

function lex(sql: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "-" && sql[i + 1] === "-") {
      while (i < sql.length && sql[i] !== "\n") i++;
      continue;
    }
    const pos = i + 1;
    if (/[A-Za-z_]/.test(c)) {
      let w = "";
      while (i < sql.length && /[A-Za-z0-9_$]/.test(sql[i])) w += sql[i++];
      out.push({ k: "word", v: w.toLowerCase(), pos });
    } else if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(sql[i + 1] ?? ""))) {
      let w = "";
      while (i < sql.length && /[0-9.eE]/.test(sql[i])) w += sql[i++];
      out.push({ k: "num", v: w, pos });
    } else if (c === "'") {
      let w = "";
      i++;
      for (;;) {
        if (i >= sql.length) throw new SqlError("unterminated quoted string at or near " + JSON.stringify(sql.slice(pos - 1)).replace(/^"|"$/g, '"'), pos);
        if (sql[i] === "'" && sql[i + 1] === "'") {
          w += "'";
          i += 2;
        } else if (sql[i] === "'") {
          i++;
          break;
        } else w += sql[i++];
      }
      out.push({ k: "str", v: w, pos });
    } else if (c === '"') {
      let w = "";
      i++;
      while (i < sql.length && sql[i] !== '"') w += sql[i++];
      i++;
      out.push({ k: "ident", v: w, pos });
    } else {
      const two = sql.slice(i, i + 2);
      if (["<=", ">=", "<>", "!=", "||", "::"].includes(two)) {
        out.push({ k: "op", v: two, pos });
        i += 2;
      } else {
        out.push({ k: "op", v: c, pos });
        i++;
      }
    }
  }
  out.push({ k: "eof", v: "", pos: sql.length + 1 });
  return out;
}

// --- expressions ---

export type Expr =
  | { e: "lit"; v: Value; pos: number }
  | { e: "col"; name: string; pos: number }
  | { e: "star"; pos: number }
  | { e: "bin"; op: string; l: Expr; r: Expr; pos: number }
  | { e: "not"; x: Expr; pos: number }
  | { e: "neg"; x: Expr; pos: number }
  | { e: "isnull"; x: Expr; not: boolean; pos: number }
  | { e: "call"; name: string; args: Expr[]; star: boolean; pos: number }
  | { e: "cast"; x: Expr; type: string; pos: number };

const RESERVED = new Set(["select", "from", "where", "order", "by", "limit", "insert", "into", "values", "update", "set", "delete", "create", "table", "drop", "and", "or", "not", "null", "is", "as", "returning", "asc", "desc", "group", "having", "on", "join"]);

class Parser {
  i = 0;
  constructor(
    readonly t: Tok[],
    readonly sql: string,
  ) {}

  peek(o = 0): Tok {
    return this.t[Math.min(this.i + o, this.t.length - 1)];
  }
  next(): Tok {
    return this.t[this.i++];
  }
  isWord(w: string, o = 0): boolean {
    const t = this.peek(o);
    return t.k === "word" && t.v === w;
  }
  eatWord(w: string): boolean {
    if (this.isWord(w)) {
      this.i++;
      return true;
    }
    return false;
  }
  isOp(op: string): boolean {
    const t = this.peek();
    return t.k === "op" && t.v === op;
  }
  eatOp(op: string): boolean {
    if (this.isOp(op)) {
      this.i++;
      return true;
    }
    return false;
  }
  fail(t: Tok = this.peek()): never {
    if (t.k === "eof") throw new SqlError("syntax error at end of input", t.pos);
    const text = t.k === "str" ? `'${t.v}'` : t.k === "ident" ? `"${t.v}"` : this.sql.slice(t.pos - 1).match(/^\S+?(?=[\s,;()]|$)/)?.[0] ?? t.v;
    throw new SqlError(`syntax error at or near "${text.replace(/^'(.*)'$/, "'$1'")}"`, t.pos);
  }
  word(w: string): void {
    if (!this.eatWord(w)) this.fail();
  }
  op(o: string): void {
    if (!this.eatOp(o)) this.fail();
  }
  name(): string {
    const t = this.peek();
    if (t.k === "ident" || (t.k === "word" && !RESERVED.has(t.v))) {
      this.i++;
      return t.v;
    }
    return this.fail();
  }

  expr(): Expr {
    return this.or();
  }
  or(): Expr {
    let l = this.and();
    while (this.isWord("or")) {
      const pos = this.next().pos;
      l = { e: "bin", op: "or", l, r: this.and(), pos };
    }
    return l;
  }
  and(): Expr {
    let l = this.notE();
    while (this.isWord("and")) {
      const pos = this.next().pos;
      l = { e: "bin", op: "and", l, r: this.notE(), pos };
    }
    return l;
  }
  notE(): Expr {
    if (this.isWord("not")) {
      const pos = this.next().pos;
      return { e: "not", x: this.notE(), pos };
    }
    return this.cmp();
  }
  cmp(): Expr {
    const l = this.add();
    const t = this.peek();
    if (t.k === "op" && ["=", "<>", "!=", "<", ">", "<=", ">="].includes(t.v)) {
      this.i++;
      return { e: "bin", op: t.v === "!=" ? "<>" : t.v, l, r: this.add(), pos: t.pos };
    }
    if (this.isWord("is")) {
      const pos = this.next().pos;
      const not = this.eatWord("not");
      this.word("null");
      return { e: "isnull", x: l, not, pos };
    }
    if (this.isWord("like") || (this.isWord("not") && this.isWord("like", 1))) {
      const not = this.eatWord("not");
      const pos = this.next().pos;
      const x: Expr = { e: "bin", op: "like", l, r: this.add(), pos };
      return not ? { e: "not", x, pos } : x;
    }
    return l;
  }
  add(): Expr {
    let l = this.mul();
    for (;;) {
      const t = this.peek();
      if (t.k === "op" && (t.v === "+" || t.v === "-" || t.v === "||")) {
        this.i++;
        l = { e: "bin", op: t.v, l, r: this.mul(), pos: t.pos };
      } else return l;
    }
  }
  mul(): Expr {
    let l = this.unary();
    for (;;) {
      const t = this.peek();
      if (t.k === "op" && (t.v === "*" || t.v === "/" || t.v === "%")) {
        this.i++;
        l = { e: "bin", op: t.v, l, r: this.unary(), pos: t.pos };
      } else return l;
    }
  }
  unary(): Expr {
    if (this.isOp("-")) {
      const pos = this.next().pos;
      return { e: "neg", x: this.unary(), pos };
    }
    let x = this.primary();
    while (this.isOp("::")) {
      const pos = this.next().pos;
      x = { e: "cast", x, type: this.typeName(), pos };
    }
    return x;
  }
  primary(): Expr {
    const t = this.next();
    if (t.k === "num") return { e: "lit", v: Number(t.v), pos: t.pos };
    if (t.k === "str") return { e: "lit", v: t.v, pos: t.pos };
    if (t.k === "op" && t.v === "(") {
      const x = this.expr();
      this.op(")");
      return x;
    }
    if (t.k === "op" && t.v === "*") return { e: "star", pos: t.pos };
    if (t.k === "word") {
      if (t.v === "null") return { e: "lit", v: null, pos: t.pos };
      if (t.v === "true" || t.v === "false") return { e: "lit", v: t.v === "true", pos: t.pos };
      if (t.v === "current_user" || t.v === "current_timestamp" || t.v === "current_date") return { e: "call", name: t.v, args: [], star: false, pos: t.pos };
      if (this.isOp("(")) {
        this.i++;
        const args: Expr[] = [];
        let star = false;
        if (this.eatOp("*")) star = true;
        else if (!this.isOp(")")) {
          do args.push(this.expr());
          while (this.eatOp(","));
        }
        this.op(")");
        return { e: "call", name: t.v, args, star, pos: t.pos };
      }
      if (RESERVED.has(t.v)) this.fail(t);
      if (this.eatOp(".")) return { e: "col", name: this.name(), pos: t.pos };
      return { e: "col", name: t.v, pos: t.pos };
    }
    if (t.k === "ident") return { e: "col", name: t.v, pos: t.pos };
    return this.fail(t);
  }
  typeName(): string {
    let ty = this.name();
    if (ty === "double" && this.eatWord("precision")) ty = "double precision";
    if (ty === "character" && this.eatWord("varying")) ty = "varchar";
    if (this.eatOp("(")) {
      const n: string[] = [];
      do n.push(this.next().v);
      while (this.eatOp(","));
      this.op(")");
      ty += `(${n.join(",")})`;
    }
    if (ty.startsWith("timestamp") && this.eatWord("with")) {
      this.word("time");
      this.word("zone");
      ty = "timestamptz";
    }
    return ty;
  }
}

// --- types ---

const INT_TYPES = new Set(["int", "integer", "int4", "int8", "int2", "bigint", "smallint", "serial", "bigserial", "serial4", "serial8"]);
const NUM_TYPES = new Set(["numeric", "decimal", "real", "float", "float4", "float8", "double precision"]);
const BOOL_TYPES = new Set(["boolean", "bool"]);

function baseType(t: string): string {
  return t.replace(/\(.*\)$/, "");
}

export function isNumericType(t: string): boolean {
  const b = baseType(t);
  return INT_TYPES.has(b) || NUM_TYPES.has(b);
}

function typeLabel(t: string): string {
  const b = baseType(t);
  if (INT_TYPES.has(b)) return b === "bigint" || b === "int8" || b === "bigserial" ? "bigint" : b === "smallint" || b === "int2" ? "smallint" : "integer";
  if (BOOL_TYPES.has(b)) return "boolean";
  if (NUM_TYPES.has(b)) return "numeric";
  if (b === "varchar" || b === "character varying") return "character varying";
  return b;
}

function coerce(v: Value, col: Column, pos: number | null): Value {
  if (v === null) return null;
  const b = baseType(col.type);
  if (INT_TYPES.has(b)) {
    const s = String(v).trim();
    if (typeof v === "boolean" || !/^[+-]?\d+$/.test(s)) throw new SqlError(`invalid input syntax for type ${typeLabel(col.type)}: "${v}"`, pos);
    return Number(s);
  }
  if (NUM_TYPES.has(b)) {
    const n = Number(v);
    if (typeof v === "boolean" || Number.isNaN(n)) throw new SqlError(`invalid input syntax for type ${typeLabel(col.type)}: "${v}"`, pos);
    return n;
  }
  if (BOOL_TYPES.has(b)) {
    const s = String(v).toLowerCase();
    if (v === true || ["t", "true", "yes", "y", "on", "1"].includes(s)) return true;
    if (v === false || ["f", "false", "no", "n", "off", "0"].includes(s)) return false;
    throw new SqlError(`invalid input syntax for type boolean: "${v}"`, pos);
  }
  const m = /^(?:varchar|character varying|char|character)\((\d+)\)$/.exec(col.type);
  const s = typeof v === "boolean" ? (v ? "true" : "false") : String(v);
  if (m && s.length > Number(m[1])) throw new SqlError(`value too long for type character varying(${m[1]})`);
  return s;
}

/** A value as psql prints it. */
export function show(v: Value): string {
  if (v === null) return "";
  if (v === true) return "t";
  if (v === false) return "f";
  return String(v);
}

// --- evaluation ---

type Scope = { cols: Column[]; row: Value[] } | null;

function truthy(v: Value): boolean | null {
  if (v === null) return null;
  return v === true || v === "t" || v === "true";
}

function evalExpr(x: Expr, s: Scope, db: Db): Value {
  switch (x.e) {
    case "lit":
      return x.v;
    case "star":
      throw new SqlError('syntax error at or near "*"', x.pos);
    case "col": {
      const i = s?.cols.findIndex((c) => c.name === x.name) ?? -1;
      if (!s || i < 0) throw new SqlError(`column "${x.name}" does not exist`, x.pos);
      return s.row[i];
    }
    case "neg": {
      const v = evalExpr(x.x, s, db);
      return v === null ? null : -Number(v);
    }
    case "not": {
      const v = truthy(evalExpr(x.x, s, db));
      return v === null ? null : !v;
    }
    case "isnull": {
      const v = evalExpr(x.x, s, db) === null;
      return x.not ? !v : v;
    }
    case "cast":
      return coerce(evalExpr(x.x, s, db), { name: "", type: x.type, notNull: false, primaryKey: false, unique: false, serial: false, default: null }, x.pos);
    case "call": {
      switch (x.name) {
        case "now":
        case "current_timestamp":
          return new Date(db.now()).toISOString().replace("T", " ").replace("Z", "+00");
        case "current_date":
          return new Date(db.now()).toISOString().slice(0, 10);
        case "version":
          return db.version;
        case "current_database":
          return db.name;
        case "current_user":
          return db.user;
        case "lower":
        case "upper": {
          const v = evalExpr(x.args[0], s, db);
          return v === null ? null : x.name === "lower" ? String(v).toLowerCase() : String(v).toUpperCase();
        }
        case "length": {
          const v = evalExpr(x.args[0], s, db);
          return v === null ? null : String(v).length;
        }
        case "coalesce":
          for (const a of x.args) {
            const v = evalExpr(a, s, db);
            if (v !== null) return v;
          }
          return null;
        default:
          throw new SqlError(`function ${x.name}(${x.args.map(() => "unknown").join(", ")}) does not exist`, x.pos);
      }
    }
    case "bin": {
      if (x.op === "and" || x.op === "or") {
        const l = truthy(evalExpr(x.l, s, db));
        const r = truthy(evalExpr(x.r, s, db));
        if (x.op === "and") return l === false || r === false ? false : l === null || r === null ? null : true;
        return l === true || r === true ? true : l === null || r === null ? null : false;
      }
      const l = evalExpr(x.l, s, db);
      const r = evalExpr(x.r, s, db);
      if (l === null || r === null) return null;
      const num = typeof l === "number" || typeof r === "number";
      const cmp = (a: Value, b: Value) => (num ? Number(a) - Number(b) : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0);
      switch (x.op) {
        case "=":
          return typeof l === "boolean" || typeof r === "boolean" ? truthy(l) === truthy(r) : cmp(l, r) === 0;
        case "<>":
          return cmp(l, r) !== 0;
        case "<":
          return cmp(l, r) < 0;
        case ">":
          return cmp(l, r) > 0;
        case "<=":
          return cmp(l, r) <= 0;
        case ">=":
          return cmp(l, r) >= 0;
        case "||":
          return show(l) + show(r);
        case "like": {
          const re = new RegExp("^" + String(r).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/%/g, ".*").replace(/_/g, ".") + "$", "s");
          return re.test(String(l));
        }
        case "+":
          return Number(l) + Number(r);
        case "-":
          return Number(l) - Number(r);
        case "*":
          return Number(l) * Number(r);
        case "/":
          if (Number(r) === 0) throw new SqlError("division by zero");
          return Number.isInteger(l) && Number.isInteger(r) ? Math.trunc(Number(l) / Number(r)) : Number(l) / Number(r);
        case "%":
          return Number(l) % Number(r);
      }
      throw new SqlError(`operator does not exist: ${x.op}`, x.pos);
    }
  }
}

// --- statements ---

function tableOrFail(db: Db, name: string, pos: number): Table {
  const t = db.table(name);
  if (!t) throw new SqlError(`relation "${name}" does not exist`, pos);
  return t;
}

function checkConstraints(t: Table, rows: Value[][], row: Value[], skip: number): void {
  t.columns.forEach((c, i) => {
    if (c.notNull && row[i] === null) throw new SqlError(`null value in column "${c.name}" of relation "${t.name}" violates not-null constraint`, null, `Failing row contains (${row.map((v) => (v === null ? "null" : show(v))).join(", ")}).`);
    if ((c.primaryKey || c.unique) && row[i] !== null && rows.some((r, k) => k !== skip && r[i] === row[i])) {
      throw new SqlError(`duplicate key value violates unique constraint "${t.name}_${c.primaryKey ? "pkey" : c.name + "_key"}"`, null, `Key (${c.name})=(${show(row[i])}) already exists.`);
    }
  });
}

function createTable(p: Parser, db: Db): Result {
  const ifNot = p.isWord("if") ? (p.next(), p.word("not"), p.word("exists"), true) : false;
  const nameTok = p.peek();
  const name = p.name();
  p.op("(");
  const columns: Column[] = [];
  do {
    if (p.isWord("primary") || p.isWord("unique") || p.isWord("constraint") || p.isWord("foreign") || p.isWord("check")) {
      const primary = p.isWord("primary");
      let depth = 0;
      const cols: string[] = [];
      while (!(depth === 0 && (p.isOp(",") || p.isOp(")")))) {
        const t = p.next();
        if (t.k === "eof") p.fail(t);
        if (t.k === "op" && t.v === "(") depth++;
        else if (t.k === "op" && t.v === ")") depth--;
        else if (depth === 1 && (t.k === "word" || t.k === "ident")) cols.push(t.v);
      }
      if (primary) for (const c of columns) if (cols.includes(c.name)) Object.assign(c, { primaryKey: true, notNull: true });
      continue;
    }
    const col = p.name();
    const type = p.typeName();
    const b = baseType(type);
    if (!INT_TYPES.has(b) && !NUM_TYPES.has(b) && !BOOL_TYPES.has(b) && !["text", "varchar", "char", "character", "date", "timestamp", "timestamptz", "time", "uuid", "json", "jsonb"].includes(b)) {
      throw new SqlError(`type "${type}" does not exist`, p.t[p.i - 1].pos);
    }
    const c: Column = { name: col, type, notNull: false, primaryKey: false, unique: false, serial: b.includes("serial"), default: null };
    for (;;) {
      if (p.eatWord("primary")) {
        p.word("key");
        c.primaryKey = true;
        c.notNull = true;
      } else if (p.eatWord("not")) {
        p.word("null");
        c.notNull = true;
      } else if (p.eatWord("null")) c.notNull = false;
      else if (p.eatWord("unique")) c.unique = true;
      else if (p.eatWord("default")) c.default = p.add();
      else if (p.eatWord("references")) {
        p.name();
        if (p.eatOp("(")) {
          p.name();
          p.op(")");
        }
      } else break;
    }
    if (c.serial) c.notNull = true;
    columns.push(c);
  } while (p.eatOp(","));
  p.op(")");
  if (db.table(name)) {
    if (ifNot) return { command: "CREATE TABLE" };
    throw new SqlError(`relation "${name}" already exists`);
  }
  void nameTok;
  const seq: Record<string, number> = {};
  for (const c of columns) if (c.serial) seq[c.name] = 1;
  db.createTable({ name, columns, seq });
  return { command: "CREATE TABLE" };
}

function selectList(p: Parser): Array<{ x: Expr; alias: string | null }> {
  const out: Array<{ x: Expr; alias: string | null }> = [];
  do {
    const x = p.expr();
    let alias: string | null = null;
    if (p.eatWord("as")) alias = p.name();
    else if (p.peek().k === "ident" || (p.peek().k === "word" && !RESERVED.has(p.peek().v))) alias = p.name();
    out.push({ x, alias });
  } while (p.eatOp(","));
  return out;
}

function outputColumns(items: Array<{ x: Expr; alias: string | null }>, t: Table | null): Array<{ name: string; numeric: boolean; x: Expr }> {
  const cols: Array<{ name: string; numeric: boolean; x: Expr }> = [];
  for (const it of items) {
    if (it.x.e === "star") {
      if (!t) throw new SqlError("SELECT * with no tables specified is not valid", it.x.pos);
      for (const c of t.columns) cols.push({ name: c.name, numeric: isNumericType(c.type), x: { e: "col", name: c.name, pos: it.x.pos } });
      continue;
    }
    const name = it.alias ?? (it.x.e === "col" ? it.x.name : it.x.e === "call" ? it.x.name : "?column?");
    const numeric = it.x.e === "col" && t ? isNumericType(t.columns.find((c) => c.name === (it.x as { name: string }).name)?.type ?? "") : it.x.e === "lit" ? typeof it.x.v === "number" : it.x.e === "call" && it.x.name === "count";
    cols.push({ name, numeric, x: it.x });
  }
  return cols;
}

function select(p: Parser, db: Db): Result {
  const items = selectList(p);
  let t: Table | null = null;
  if (p.eatWord("from")) {
    const tok = p.peek();
    t = tableOrFail(db, p.name(), tok.pos);
  }
  let where: Expr | null = null;
  if (p.eatWord("where")) where = p.expr();
  const order: Array<{ x: Expr; desc: boolean }> = [];
  if (p.eatWord("order")) {
    p.word("by");
    do {
      const x = p.expr();
      const desc = p.eatWord("desc");
      if (!desc) p.eatWord("asc");
      order.push({ x, desc });
    } while (p.eatOp(","));
  }
  let limit = Infinity;
  if (p.eatWord("limit")) limit = Number(p.next().v);
  const cols = outputColumns(items, t);
  const all = t ? db.rows(t) : [[]];
  const scope = (row: Value[]): Scope => (t ? { cols: t.columns, row } : null);
  let rows = all.filter((r) => (where ? truthy(evalExpr(where, scope(r), db)) === true : true));
  const aggregate = cols.some((c) => c.x.e === "call" && c.x.name === "count");
  if (aggregate) {
    return { command: "SELECT 1", columns: cols.map(({ name }) => ({ name, numeric: true })), rows: [cols.map((c) => (c.x.e === "call" && c.x.name === "count" ? (c.x.star ? rows.length : rows.filter((r) => evalExpr((c.x as { args: Expr[] }).args[0], scope(r), db) !== null).length) : evalExpr(c.x, rows[0] ? scope(rows[0]) : null, db)))] };
  }
  if (order.length) {
    rows = [...rows].sort((a, b) => {
      for (const o of order) {
        const va = evalExpr(o.x, scope(a), db);
        const vb = evalExpr(o.x, scope(b), db);
        if (va === vb) continue;
        if (va === null) return o.desc ? -1 : 1;
        if (vb === null) return o.desc ? 1 : -1;
        const c = typeof va === "number" && typeof vb === "number" ? va - vb : String(va) < String(vb) ? -1 : 1;
        return o.desc ? -c : c;
      }
      return 0;
    });
  }
  rows = rows.slice(0, limit);
  const out = rows.map((r) => cols.map((c) => evalExpr(c.x, scope(r), db)));
  return { command: `SELECT ${out.length}`, columns: cols.map(({ name, numeric }) => ({ name, numeric })), rows: out };
}

function insert(p: Parser, db: Db): Result {
  p.word("into");
  const tok = p.peek();
  const t = tableOrFail(db, p.name(), tok.pos);
  let names: Array<{ name: string; pos: number }> | null = null;
  if (p.eatOp("(")) {
    names = [];
    do {
      const pos = p.peek().pos;
      names.push({ name: p.name(), pos });
    } while (p.eatOp(","));
    p.op(")");
  }
  for (const n of names ?? []) if (!t.columns.some((c) => c.name === n.name)) throw new SqlError(`column "${n.name}" of relation "${t.name}" does not exist`, n.pos);
  p.word("values");
  const tuples: Array<{ exprs: Expr[]; pos: number }> = [];
  do {
    const pos = p.peek().pos;
    p.op("(");
    const exprs: Expr[] = [];
    do exprs.push(p.expr());
    while (p.eatOp(","));
    p.op(")");
    tuples.push({ exprs, pos });
  } while (p.eatOp(","));
  let returning: Array<{ x: Expr; alias: string | null }> | null = null;
  if (p.eatWord("returning")) returning = selectList(p);
  const target = names?.map((n) => n.name) ?? t.columns.map((c) => c.name);
  const rows = db.rows(t);
  const added: Value[][] = [];
  for (const tu of tuples) {
    if (tu.exprs.length > target.length) throw new SqlError("INSERT has more expressions than target columns", tu.exprs[target.length].pos);
    const row: Value[] = t.columns.map((c) => {
      const k = target.indexOf(c.name);
      if (k >= 0 && k < tu.exprs.length) {
        const x = tu.exprs[k];
        if (x.e === "col" && x.name === "default") return null;
        return coerce(evalExpr(x, null, db), c, x.pos);
      }
      if (c.serial) {
        const v = t.seq[c.name] ?? 1;
        t.seq[c.name] = v + 1;
        return v;
      }
      return c.default ? coerce(evalExpr(c.default, null, db), c, null) : null;
    });
    checkConstraints(t, [...rows, ...added], row, -1);
    added.push(row);
  }
  db.saveTable(t);
  db.writeRows(t, [...rows, ...added]);
  if (returning) {
    const cols = outputColumns(returning, t);
    return { command: `INSERT 0 ${added.length}`, columns: cols.map(({ name, numeric }) => ({ name, numeric })), rows: added.map((r) => cols.map((c) => evalExpr(c.x, { cols: t.columns, row: r }, db))) };
  }
  return { command: `INSERT 0 ${added.length}` };
}

function update(p: Parser, db: Db): Result {
  const tok = p.peek();
  const t = tableOrFail(db, p.name(), tok.pos);
  p.word("set");
  const sets: Array<{ i: number; x: Expr }> = [];
  do {
    const pos = p.peek().pos;
    const name = p.name();
    const i = t.columns.findIndex((c) => c.name === name);
    if (i < 0) throw new SqlError(`column "${name}" of relation "${t.name}" does not exist`, pos);
    p.op("=");
    sets.push({ i, x: p.expr() });
  } while (p.eatOp(","));
  let where: Expr | null = null;
  if (p.eatWord("where")) where = p.expr();
  const rows = db.rows(t);
  let n = 0;
  const next = rows.map((r) => {
    if (where && truthy(evalExpr(where, { cols: t.columns, row: r }, db)) !== true) return r;
    n++;
    const copy = [...r];
    for (const s of sets) copy[s.i] = coerce(evalExpr(s.x, { cols: t.columns, row: r }, db), t.columns[s.i], s.x.pos);
    return copy;
  });
  next.forEach((r, k) => checkConstraints(t, next, r, k));
  db.writeRows(t, next);
  return { command: `UPDATE ${n}` };
}

function del(p: Parser, db: Db): Result {
  p.word("from");
  const tok = p.peek();
  const t = tableOrFail(db, p.name(), tok.pos);
  let where: Expr | null = null;
  if (p.eatWord("where")) where = p.expr();
  const rows = db.rows(t);
  const keep = rows.filter((r) => (where ? truthy(evalExpr(where, { cols: t.columns, row: r }, db)) !== true : false));
  db.writeRows(t, keep);
  return { command: `DELETE ${rows.length - keep.length}` };
}

function statement(p: Parser, db: Db): Result {
  const t = p.next();
  if (t.k !== "word") p.fail(t);
  switch (t.v) {
    case "select":
      return select(p, db);
    case "insert":
      return insert(p, db);
    case "update":
      return update(p, db);
    case "delete":
      return del(p, db);
    case "create":
      if (p.eatWord("table")) return createTable(p, db);
      if (p.eatWord("database")) {
        const name = p.name();
        const e = db.createDatabase(name);
        if (e) throw new SqlError(e);
        return { command: "CREATE DATABASE" };
      }
      return p.fail();
    case "drop": {
      if (p.eatWord("database")) {
        const ifExists = p.isWord("if") ? (p.next(), p.word("exists"), true) : false;
        const e = db.dropDatabase(p.name(), ifExists);
        if (e) throw new SqlError(e);
        return { command: "DROP DATABASE" };
      }
      p.word("table");
      const ifExists = p.isWord("if") ? (p.next(), p.word("exists"), true) : false;
      const tok = p.peek();
      const name = p.name();
      if (!db.table(name)) {
        if (ifExists) return { command: "DROP TABLE" };
        throw new SqlError(`table "${name}" does not exist`, null);
      }
      void tok;
      db.dropTable(name);
      return { command: "DROP TABLE" };
    }
    case "begin":
    case "start":
      while (p.peek().k === "word") p.next();
      return { command: "BEGIN" };
    case "commit":
    case "end":
      return { command: "COMMIT" };
    case "rollback":
      return { command: "ROLLBACK" };
    default:
      return p.fail(t);
  }
}

/** Split a query string into statements (on ";" outside quotes), keeping each one's offset. */
export function splitStatements(sql: string): Array<{ text: string; offset: number }> {
  const out: Array<{ text: string; offset: number }> = [];
  let start = 0;
  let q: string | null = null;
  for (let i = 0; i <= sql.length; i++) {
    const c = sql[i];
    if (q) {
      if (c === q) q = null;
      continue;
    }
    if (c === "'" || c === '"') q = c;
    else if (c === "-" && sql[i + 1] === "-") {
      while (i < sql.length && sql[i] !== "\n") i++;
    } else if (c === ";" || i === sql.length) {
      const text = sql.slice(start, i);
      if (text.trim()) out.push({ text, offset: start });
      start = i + 1;
    }
  }
  return out;
}

/** Run one statement. Errors are SqlError with a 1-based position into `sql`. */
export function runStatement(sql: string, db: Db): Result {
  const p = new Parser(lex(sql), sql);
  const r = statement(p, db);
  if (p.peek().k !== "eof") p.fail();
  return r;
}
