/**
 * Evaluation half of the text/template executor (Go's text/template/exec.go): pipelines,
 * commands, fields, methods, function calls with Go's argument typing, variables, printing, and
 * Go's execution errors such as
 *   template: :1:2: executing "" at <.Foo>: can't evaluate field Foo in type *formatter.ContainerContext
 * exec.ts adds the walk over control structures.
 */
import type { FuncDef } from "./funcs";
import { sprint } from "./fmt";
import type { ArgNode, CommandNode, Node, NumberNode, PipeNode, VariableNode } from "./nodes";
import { nodeString } from "./nodes";
import type { Tree } from "./parse";
import {
  fromJS,
  GoValue,
  indirect,
  indirectInterface,
  INVALID,
  isFloatKind,
  isIntKind,
  isUintKind,
  isValid,
  mapGet,
  mapLen,
  REFLECT_VALUE,
  sameType,
  lookupField,
  T,
  typeString,
  wrap,
  zeroValue,
  type FuncType,
  type GoType,
} from "./value";

export class TemplateExecError extends Error {}

export type MissingKey = "default" | "zero" | "error";

export const MISSING = new GoValue({ kind: "invalid" }, "missing");
export const BREAK = Symbol("break");
export const CONTINUE = Symbol("continue");
/** Go's limit; JavaScript's stack runs out first, and that is reported with Go's words. */
export const MAX_DEPTH = 100000;
const MAX_OUTPUT = 16 * 1024 * 1024;

interface Variable {
  name: string;
  value: GoValue;
}

export interface ExecContext {
  trees: Map<string, Tree>;
  funcs: Map<string, FuncDef>;
  missingKey: MissingKey;
}

function utf8Len(s: string): number {
  return new TextEncoder().encode(s).length;
}

export class EvalState {
  out = "";
  node: Node | null = null;
  vars: Variable[];
  depth = 0;

  constructor(
    readonly ctx: ExecContext,
    readonly tree: Tree,
    dot: GoValue,
  ) {
    this.vars = [{ name: "$", value: dot }];
  }

  at(n: Node): void {
    this.node = n;
  }

  errorf(msg: string): never {
    const name = this.tree.name;
    if (!this.node) throw new TemplateExecError(`template: ${name}: ${msg}`);
    const parseName = this.tree.parseName;
    const pos = this.node.pos;
    const before = this.tree.text.slice(0, pos);
    const nl = before.lastIndexOf("\n");
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    const col = nl === -1 ? utf8Len(before) : utf8Len(before.slice(nl + 1));
    throw new TemplateExecError(
      `template: ${parseName}:${line}:${col}: executing ${JSON.stringify(name)} at <${nodeString(this.node)}>: ${msg}`,
    );
  }

  write(s: string): void {
    this.out += s;
    if (this.out.length > MAX_OUTPUT) throw new TemplateExecError("template: output too large");
  }

  mark(): number {
    return this.vars.length;
  }
  pop(m: number): void {
    this.vars.length = m;
  }
  setVar(name: string, value: GoValue): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }
  setTopVar(n: number, value: GoValue): void {
    this.vars[this.vars.length - n].value = value;
  }
  varValue(name: string): GoValue {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i].value;
    this.errorf(`undefined variable: ${name}`);
  }

  evalPipeline(dot: GoValue, pipe: PipeNode | null): GoValue {
    if (!pipe) return INVALID;
    this.at(pipe);
    let value = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      if (value.t.kind === "interface" && !value.t.name) value = value.v ?? INVALID;
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0], value);
      else this.vars.push({ name: v.ident[0], value });
    }
    return value;
  }

  notAFunction(args: ArgNode[], final: GoValue): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0])}`);
  }

  evalCommand(dot: GoValue, cmd: CommandNode, final: GoValue): GoValue {
    const first = cmd.args[0];
    switch (first.type) {
      case "field":
        return this.evalFieldNode(dot, first, cmd.args, final);
      case "chain":
        return this.evalChainNode(dot, first, cmd.args, final);
      case "identifier":
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case "pipe":
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case "variable":
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case "bool":
        return new GoValue(T.bool, first.value);
      case "dot":
        return dot;
      case "nil":
        this.errorf("nil is not a command");
      case "number":
        return this.idealConstant(first);
      case "string":
        return new GoValue(T.string, first.text);
    }
    this.errorf(`can't evaluate command ${JSON.stringify(nodeString(first))}`);
  }

  idealConstant(n: NumberNode): GoValue {
    this.at(n);
    if (n.isComplex) return new GoValue(T.complex128, n.float);
    const isHexInt = /^[+-]?0[xX]/.test(n.text) && !/[pP]/.test(n.text);
    if (n.isFloat && !isHexInt && !n.text.startsWith("'") && /[.eEpP]/.test(n.text)) return new GoValue(T.float64, n.float);
    if (n.isInt) return new GoValue(T.int, n.int);
    if (n.isUint) this.errorf(`${n.text} overflows int`);
    return INVALID;
  }

  evalFieldNode(dot: GoValue, field: Extract<ArgNode, { type: "field" }>, args: ArgNode[] | null, final: GoValue): GoValue {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  evalChainNode(dot: GoValue, chain: Extract<ArgNode, { type: "chain" }>, args: ArgNode[] | null, final: GoValue): GoValue {
    this.at(chain);
    if (chain.node.type === "nil") this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, null, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  evalVariableNode(dot: GoValue, v: VariableNode, args: ArgNode[] | null, final: GoValue): GoValue {
    this.at(v);
    const value = this.varValue(v.ident[0]);
    if (v.ident.length === 1) {
      if (args) this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  evalFieldChain(dot: GoValue, receiver: GoValue, node: Node, ident: string[], args: ArgNode[] | null, final: GoValue): GoValue {
    for (let i = 0; i < ident.length - 1; i++) receiver = this.evalField(dot, ident[i], node, null, MISSING, receiver);
    return this.evalField(dot, ident[ident.length - 1], node, args, final, receiver);
  }

  evalFunction(dot: GoValue, node: Extract<ArgNode, { type: "identifier" }>, cmd: Node, args: ArgNode[] | null, final: GoValue): GoValue {
    this.at(node);
    const fn = this.ctx.funcs.get(node.ident);
    if (!fn) this.errorf(`${JSON.stringify(node.ident)} is not a defined function`);
    return this.evalCall(dot, fn, true, cmd, node.ident, args, final);
  }

  evalField(dot: GoValue, fieldName: string, node: Node, args: ArgNode[] | null, final: GoValue, receiver: GoValue): GoValue {
    if (!isValid(receiver)) {
      if (this.ctx.missingKey === "error") this.errorf(`nil data; no entry for key ${JSON.stringify(fieldName)}`);
      return INVALID;
    }
    const typ = receiver.t;
    const { v: r, isNil } = indirect(receiver);
    if (r.t.kind === "interface" && isNil) this.errorf(`nil pointer evaluating ${typeString(typ)}.${fieldName}`);
    if (r.t.kind === "struct" && r.v && typeof r.v[fieldName] === "function") {
      const obj = r.v;
      const fn = obj[fieldName] as (...a: unknown[]) => unknown;
      const sig = r.t.methods?.[fieldName];
      const def: FuncDef = { type: sig ?? { kind: "func", params: new Array(fn.length).fill(T.any), result: T.any }, call: (xs) => callJS(obj, fn, xs, sig) };
      return this.evalCall(dot, def, false, node, fieldName, args, final);
    }
    if (r.t.kind === "map" && r.t.methods?.[fieldName]) {
      const impl = r.t.methods[fieldName];
      const obj = r.v;
      const def: FuncDef = {
        type: { kind: "func", params: new Array(Math.max(impl.length - 1, 0)).fill(T.string), result: T.any },
        call: (xs) => fromJS(impl(obj, ...xs.map(toJS))),
      };
      return this.evalCall(dot, def, false, node, fieldName, args, final);
    }
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    switch (r.t.kind) {
      case "struct": {
        const got = lookupField(r.t, r.v, fieldName);
        if (got) {
          if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
          return got;
        }
        break;
      }
      case "map": {
        const mt = r.t;
        if (mt.key.kind === "string" || mt.key.kind === "interface") {
          if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
          const got = mapGet(r.v, fieldName);
          if (got.found) return wrap(mt.elem, got.value);
          if (this.ctx.missingKey === "zero") return zeroValue(mt.elem);
          if (this.ctx.missingKey === "error") this.errorf(`map has no entry for key ${JSON.stringify(fieldName)}`);
          return INVALID;
        }
        break;
      }
      case "ptr": {
        const et = r.t.elem;
        if (et.kind === "struct" && !lookupField(et, {}, fieldName)) break;
        if (isNil) this.errorf(`nil pointer evaluating ${typeString(typ)}.${fieldName}`);
        break;
      }
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typeString(typ)}`);
  }

  evalCall(dot: GoValue, fn: FuncDef, isBuiltin: boolean, node: Node, name: string, argNodes: ArgNode[] | null, final: GoValue): GoValue {
    const args = argNodes ? argNodes.slice(1) : [];
    const typ: FuncType = fn.type;
    let numIn = args.length;
    if (final !== MISSING) numIn++;
    let numFixed = args.length;
    if (typ.variadic) {
      numFixed = typ.params.length;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${typ.params.length} got ${args.length}`);
    } else if (numIn !== typ.params.length) {
      this.errorf(`wrong number of args for ${name}: want ${typ.params.length} got ${numIn}`);
    }
    if (isBuiltin && (name === "and" || name === "or")) {
      let v: GoValue = INVALID;
      for (const a of args) {
        v = this.evalArg(dot, REFLECT_VALUE, a);
        if (isTrue(indirectInterface(v)).truth === (name === "or")) return v;
      }
      if (final !== MISSING) v = final;
      return v;
    }
    const argv: GoValue[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv.push(this.evalArg(dot, typ.params[i], args[i]));
    if (typ.variadic) for (; i < args.length; i++) argv.push(this.evalArg(dot, typ.variadic, args[i]));
    if (final !== MISSING) {
      let t: GoType = typ.params[typ.params.length - 1];
      if (typ.variadic) t = numIn - 1 < numFixed ? typ.params[numIn - 1] : typ.variadic;
      argv.push(this.validateType(final, t));
    }
    let result: GoValue;
    try {
      result = fn.call(argv);
    } catch (e) {
      if (e instanceof TemplateExecError || e === BREAK || e === CONTINUE) throw e;
      this.at(node);
      this.errorf(`error calling ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return result;
  }

  validateType(value: GoValue, typ: GoType | null): GoValue {
    if (!isValid(value)) {
      if (typ === null) return INVALID;
      if (typ.kind === "reflect.Value") return INVALID;
      if (canBeNil(typ)) return zeroValue(typ);
      this.errorf(`invalid value; expected ${typeString(typ)}`);
    }
    if (typ === null || typ.kind === "reflect.Value") return value;
    if (typ.kind === "interface" && !typ.name) return wrap(typ, value);
    if (sameType(value.t, typ)) return value;
    if (value.t.kind === "interface" && value.v) {
      const inner = value.v as GoValue;
      if (sameType(inner.t, typ)) return inner;
      value = inner;
    }
    if (value.t.kind === "ptr" && sameType(value.t.elem, typ)) {
      if (value.v === null || value.v === undefined) this.errorf(`dereference of nil pointer of type ${typeString(typ)}`);
      return wrap(typ, value.v);
    }
    this.errorf(`wrong type for value; expected ${typeString(typ)}; got ${typeString(value.t)}`);
  }

  evalArg(dot: GoValue, typ: GoType | null, n: ArgNode): GoValue {
    this.at(n);
    switch (n.type) {
      case "dot":
        return this.validateType(dot, typ);
      case "nil":
        if (typ && canBeNil(typ)) return typ.kind === "reflect.Value" ? INVALID : zeroValue(typ);
        this.errorf(`cannot assign nil to ${typ ? typeString(typ) : "<nil>"}`);
      case "field":
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case "variable":
        return this.validateType(this.evalVariableNode(dot, n, null, MISSING), typ);
      case "pipe":
        return this.validateType(this.evalPipeline(dot, n), typ);
      case "identifier":
        return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ);
      case "chain":
        return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ);
    }
    if (typ === null || typ.kind === "reflect.Value" || (typ.kind === "interface" && !typ.name)) {
      const v = this.evalEmptyInterface(dot, n);
      return typ && typ.kind === "interface" ? wrap(typ, v) : v;
    }
    const k = typ.kind;
    if (k === "bool") {
      if (n.type === "bool") return new GoValue(typ, n.value);
      this.errorf(`expected bool; found ${nodeString(n)}`);
    }
    if (k === "string") {
      if (n.type === "string") return new GoValue(typ, n.text);
      this.errorf(`expected string; found ${nodeString(n)}`);
    }
    if (isIntKind(k)) {
      if (n.type === "number" && n.isInt) return new GoValue(typ, n.int);
      this.errorf(`expected integer; found ${nodeString(n)}`);
    }
    if (isUintKind(k)) {
      if (n.type === "number" && n.isUint) return new GoValue(typ, n.int);
      this.errorf(`expected unsigned integer; found ${nodeString(n)}`);
    }
    if (isFloatKind(k)) {
      if (n.type === "number" && n.isFloat) return new GoValue(typ, n.float);
      this.errorf(`expected float; found ${nodeString(n)}`);
    }
    this.errorf(`can't handle ${nodeString(n)} for arg of type ${typeString(typ)}`);
  }

  evalEmptyInterface(dot: GoValue, n: ArgNode): GoValue {
    this.at(n);
    switch (n.type) {
      case "bool":
        return new GoValue(T.bool, n.value);
      case "dot":
        return dot;
      case "field":
        return this.evalFieldNode(dot, n, null, MISSING);
      case "identifier":
        return this.evalFunction(dot, n, n, null, MISSING);
      case "number":
        return this.idealConstant(n);
      case "string":
        return new GoValue(T.string, n.text);
      case "variable":
        return this.evalVariableNode(dot, n, null, MISSING);
      case "pipe":
        return this.evalPipeline(dot, n);
      case "chain":
        return this.evalChainNode(dot, n, null, MISSING);
    }
    this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }

  printValue(n: Node, v: GoValue): void {
    this.at(n);
    if (v.t.kind === "ptr") v = indirect(v).v;
    if (!isValid(v)) {
      this.write("<no value>");
      return;
    }
    if (v.t.kind === "func") this.errorf(`can't print ${nodeString(n)} of type ${typeString(v.t)}`);
    this.write(sprint([v]));
  }
}

function canBeNil(t: GoType): boolean {
  return ["func", "interface", "map", "ptr", "slice", "reflect.Value"].includes(t.kind);
}

function callJS(obj: unknown, fn: (...a: unknown[]) => unknown, args: GoValue[], sig?: FuncType): GoValue {
  const ret = fn.apply(obj, args.map(toJS));
  return sig?.result ? wrap(sig.result, ret) : fromJS(ret);
}

/** A GoValue as a plain JS value for a JS-implemented method. */
export function toJS(v: GoValue): unknown {
  const c = indirectInterface(v);
  return isValid(c) ? c.v : null;
}

/** Go's truth: empty strings/slices/maps, zero numbers, false and nil are false. */
export function isTrue(v: GoValue): { truth: boolean; ok: boolean } {
  const k = v.t.kind;
  if (k === "invalid") return { truth: false, ok: true };
  if (k === "string") return { truth: String(v.v).length > 0, ok: true };
  if (k === "slice") return { truth: Array.isArray(v.v) && v.v.length > 0, ok: true };
  if (k === "map") return { truth: mapLen(v.v) > 0, ok: true };
  if (k === "bool") return { truth: v.v === true, ok: true };
  if (isIntKind(k) || isUintKind(k) || isFloatKind(k) || k === "complex128") return { truth: Number(v.v) !== 0, ok: true };
  if (k === "ptr" || k === "interface" || k === "func") return { truth: v.v !== null && v.v !== undefined, ok: true };
  if (k === "struct") return { truth: true, ok: true };
  return { truth: false, ok: false };
}