/**
 * The evaluator of the node model's JavaScript subset (see parse.ts): scopes, functions and
 * closures, async/await, exceptions, and the built-in methods of strings, numbers, arrays,
 * objects, promises, maps and sets. Every step awaits the host (`tick`), so a runaway loop pays
 * simulated CPU time and a killed process stops at once.
 */
import type { FnNode, Node, Pattern } from "./parse";
import { format, fromPlain, inspect, JsBuffer, JsDate, JsError, JsFunction, JsMap, JsPromise, JsSet, NativeFn, newObject, isPlainObject, Thrown, toNum, toPlain, toStr, truthy, typeOf, type JsObject } from "./values";

interface Binding {
  v: unknown;
  mutable: boolean;
}

export class Scope {
  readonly vars = new Map<string, Binding>();
  constructor(readonly parent: Scope | null) {}

  lookup(name: string): Binding | undefined {
    for (let s: Scope | null = this; s; s = s.parent) {
      const b = s.vars.get(name);
      if (b) return b;
    }
    return undefined;
  }

  declare(name: string, v: unknown, mutable = true): void {
    this.vars.set(name, { v, mutable });
  }
}

class BreakSig {}
class ContinueSig {}
class ReturnSig {
  constructor(readonly v: unknown) {}
}

export interface Host {
  tick(): Promise<void>;
  /** Where an error was made, for its stack ("Object.<anonymous> (/app/app.js:3:9)"). */
  where(line: number): string;
  onUnhandledRejection(v: unknown, p: JsPromise): void;
  now(): number;
}

export class Interp {
  /** The line of the statement running (for error positions). */
  line = 1;
  constructor(
    readonly host: Host,
    readonly globals: Scope,
  ) {}

  error(name: string, message: string, props: Record<string, unknown> = {}): Thrown {
    const e = new JsError(name, message, this.host.where(this.line));
    Object.assign(e.props, props);
    return new Thrown(e);
  }

  typeError(m: string): Thrown {
    return this.error("TypeError", m);
  }

  async runBody(body: Node[], scope: Scope): Promise<void> {
    this.hoist(body, scope);
    for (const s of body) await this.exec(s, scope);
  }

  private hoist(body: Node[], scope: Scope): void {
    for (const s of body) {
      if (s.k === "fndecl" && s.fn.name) scope.declare(s.fn.name, this.makeFn(s.fn, scope, undefined));
      if (s.k === "var" && s.kind === "var") for (const d of s.decls) for (const n of patternNames(d.p)) if (!scope.vars.has(n)) scope.declare(n, undefined);
    }
  }

  makeFn(fn: FnNode, scope: Scope, thisVal: unknown): JsFunction {
    return new JsFunction(fn, scope, thisVal, fn.name ?? "");
  }

  async exec(s: Node, scope: Scope): Promise<void> {
    this.line = s.line;
    await this.host.tick();
    switch (s.k) {
      case "expr":
        await this.eval(s.x, scope);
        return;
      case "var":
        for (const d of s.decls) {
          const v = d.init ? await this.eval(d.init, scope) : undefined;
          if (d.init && d.p.k === "id" && (v instanceof JsFunction) && !v.name) v.name = d.p.name;
          await this.bind(d.p, v, scope, s.kind === "var" ? "var" : s.kind === "const" ? "const" : "let");
        }
        return;
      case "fndecl":
        return;
      case "block": {
        const inner = new Scope(scope);
        await this.runBody(s.body, inner);
        return;
      }
      case "empty":
        return;
      case "if":
        if (truthy(await this.eval(s.c, scope))) await this.exec(s.a, new Scope(scope));
        else if (s.b) await this.exec(s.b, new Scope(scope));
        return;
      case "while":
        if (s.doWhile) {
          do {
            const r = await this.loopBody(s.body, scope);
            if (r === "break") break;
          } while (truthy(await this.eval(s.c, scope)));
        } else
          while (truthy(await this.eval(s.c, scope))) {
            const r = await this.loopBody(s.body, scope);
            if (r === "break") break;
          }
        return;
      case "for": {
        const loop = new Scope(scope);
        if (s.init) await this.exec(s.init, loop);
        for (;;) {
          if (s.test && !truthy(await this.eval(s.test, loop))) break;
          const iter = new Scope(loop);
          for (const [k, b] of loop.vars) iter.declare(k, b.v, b.mutable);
          const r = await this.loopBody(s.body, iter);
          for (const [k, b] of iter.vars) if (loop.vars.has(k)) loop.vars.get(k)!.v = b.v;
          if (r === "break") break;
          if (s.update) await this.eval(s.update, loop);
        }
        return;
      }
      case "forof": {
        const x = await this.eval(s.x, scope);
        let items: unknown[];
        if (s.of) {
          if (Array.isArray(x)) items = [...x];
          else if (typeof x === "string") items = [...x];
          else if (x instanceof JsMap) items = [...x.m].map(([k, v]) => [k, v]);
          else if (x instanceof JsSet) items = [...x.s];
          else throw this.typeError(`${describe(x, s.x)} is not iterable`);
        } else items = x !== null && typeof x === "object" ? Object.keys(x as object) : [];
        for (const item of items) {
          const iter = new Scope(scope);
          if (s.decl) await this.bind(s.p, item, iter, s.decl === "const" ? "const" : "let");
          else await this.assignPattern(s.p, item, scope);
          const r = await this.loopBody(s.body, iter);
          if (r === "break") break;
        }
        return;
      }
      case "return":
        throw new ReturnSig(s.x ? await this.eval(s.x, scope) : undefined);
      case "break":
        throw new BreakSig();
      case "continue":
        throw new ContinueSig();
      case "throw":
        throw new Thrown(await this.eval(s.x, scope));
      case "try": {
        try {
          await this.runBody(s.body, new Scope(scope));
        } catch (e) {
          if (!(e instanceof Thrown) || !s.handler) throw e;
          const h = new Scope(scope);
          if (s.param) await this.bind(s.param, e.value, h, "let");
          await this.runBody(s.handler, h);
        } finally {
          if (s.finalizer) await this.runBody(s.finalizer, new Scope(scope));
        }
        return;
      }
      case "switch": {
        const x = await this.eval(s.x, scope);
        const inner = new Scope(scope);
        let matched = false;
        try {
          for (const c of s.cases) {
            if (!matched && c.test && strictEquals(await this.eval(c.test, inner), x)) matched = true;
            if (matched) for (const st of c.body) await this.exec(st, inner);
          }
          if (!matched) {
            let from = false;
            for (const c of s.cases) {
              if (!c.test) from = true;
              if (from) for (const st of c.body) await this.exec(st, inner);
            }
          }
        } catch (e) {
          if (!(e instanceof BreakSig)) throw e;
        }
        return;
      }
      default:
        await this.eval(s, scope);
    }
  }

  private async loopBody(body: Node, scope: Scope): Promise<"break" | "next"> {
    try {
      await this.exec(body, scope);
    } catch (e) {
      if (e instanceof BreakSig) return "break";
      if (e instanceof ContinueSig) return "next";
      throw e;
    }
    return "next";
  }

  async bind(p: Pattern, v: unknown, scope: Scope, kind: "var" | "let" | "const"): Promise<void> {
    if (p.k === "id") {
      if (kind !== "var" && scope.vars.has(p.name) && scope.vars.get(p.name)!.v !== TDZ) throw this.error("SyntaxError", `Identifier '${p.name}' has already been declared`);
      if (kind === "var") {
        const b = scope.lookup(p.name);
        if (b) {
          b.v = v;
          return;
        }
      }
      scope.declare(p.name, v, kind !== "const");
      return;
    }
    await this.destructure(p, v, (q, x) => this.bind(q, x, scope, kind), scope);
  }

  private async destructure(p: Pattern, v: unknown, set: (p: Pattern, v: unknown) => Promise<void>, scope: Scope): Promise<void> {
    if (p.k === "obj") {
      if (v === null || v === undefined) throw this.typeError(`Cannot destructure '${toStr(v)}' as it is ${toStr(v)}.`);
      const used: string[] = [];
      for (const prop of p.props) {
        let x = this.get(v, prop.key);
        if (x === undefined && prop.def) x = await this.eval(prop.def, scope);
        used.push(prop.key);
        await set(prop.value, x);
      }
      if (p.rest) {
        const rest = newObject();
        if (isPlainObject(v)) for (const [k, x] of Object.entries(v)) if (!used.includes(k)) rest[k] = x;
        await set({ k: "id", name: p.rest }, rest);
      }
    } else if (p.k === "arr") {
      const arr = Array.isArray(v) ? v : typeof v === "string" ? [...v] : v instanceof JsMap ? [...v.m] : v instanceof JsSet ? [...v.s] : null;
      if (!arr) throw this.typeError(`${toStr(v)} is not iterable`);
      for (let i = 0; i < p.items.length; i++) {
        const it = p.items[i];
        if (!it) continue;
        let x = arr[i];
        if (x === undefined && it.def) x = await this.eval(it.def, scope);
        await set(it.value, x);
      }
      if (p.rest) await set({ k: "id", name: p.rest }, arr.slice(p.items.length));
    }
  }

  private async assignPattern(p: Pattern, v: unknown, scope: Scope): Promise<void> {
    if (p.k === "id") {
      this.assignName(p.name, v, scope);
      return;
    }
    await this.destructure(p, v, (q, x) => this.assignPattern(q, x, scope), scope);
  }

  private assignName(name: string, v: unknown, scope: Scope): void {
    const b = scope.lookup(name);
    if (!b) {
      this.globals.declare(name, v);
      return;
    }
    if (!b.mutable) throw this.typeError("Assignment to constant variable.");
    b.v = v;
  }

  async eval(x: Node, scope: Scope): Promise<unknown> {
    switch (x.k) {
      case "num":
        return x.v;
      case "str":
        return x.v;
      case "lit":
        return x.v;
      case "tpl": {
        let s = x.strs[0];
        for (let i = 0; i < x.exprs.length; i++) s += toStr(await this.eval(x.exprs[i], scope)) + x.strs[i + 1];
        return s;
      }
      case "id": {
        const b = scope.lookup(x.name);
        if (!b) throw this.error("ReferenceError", `${x.name} is not defined`);
        if (b.v === TDZ) throw this.error("ReferenceError", `Cannot access '${x.name}' before initialization`);
        return b.v;
      }
      case "this": {
        const b = scope.lookup("this");
        return b ? b.v : undefined;
      }
      case "arr": {
        const out: unknown[] = [];
        for (const it of x.items) {
          if (it === null) out.push(undefined);
          else if (it.k === "spread") out.push(...this.iterable(await this.eval(it.x, scope)));
          else out.push(await this.eval(it, scope));
        }
        return out;
      }
      case "obj": {
        const o = newObject();
        for (const p of x.props) {
          if ("k" in p && p.k === "spread") {
            const v = await this.eval(p.x, scope);
            if (isPlainObject(v)) Object.assign(o, v);
            else if (Array.isArray(v)) v.forEach((e, i) => (o[String(i)] = e));
            continue;
          }
          const { key, value } = p as { key: string | Node; value: Node };
          const k = typeof key === "string" ? key : toStr(await this.eval(key, scope));
          const v = value.k === "fn" ? this.makeFn(value, scope, undefined) : await this.eval(value, scope);
          if (v instanceof JsFunction && !v.name) v.name = k;
          o[k] = v;
        }
        return o;
      }
      case "fn": {
        const thisB = scope.lookup("this");
        return this.makeFn(x, scope, x.arrow ? (thisB ? thisB.v : undefined) : undefined);
      }
      case "un": {
        if (x.op === "typeof") {
          if (x.x.k === "id" && !scope.lookup(x.x.name)) return "undefined";
          return typeOf(await this.eval(x.x, scope));
        }
        if (x.op === "delete") {
          if (x.x.k === "mem") {
            const o = await this.eval(x.x.o, scope);
            const k = typeof x.x.p === "string" ? x.x.p : toStr(await this.eval(x.x.p, scope));
            if (isPlainObject(o)) delete o[k];
          }
          return true;
        }
        const v = await this.eval(x.x, scope);
        switch (x.op) {
          case "!":
            return !truthy(v);
          case "-":
            return -toNum(v);
          case "+":
            return toNum(v);
          case "~":
            return ~toNum(v);
          case "void":
            return undefined;
        }
        return undefined;
      }
      case "upd": {
        const old = toNum(await this.eval(x.x, scope));
        const nv = x.op === "++" ? old + 1 : old - 1;
        await this.assignTo(x.x, nv, scope);
        return x.prefix ? nv : old;
      }
      case "bin": {
        if (x.op === "&&") {
          const l = await this.eval(x.l, scope);
          return truthy(l) ? this.eval(x.r, scope) : l;
        }
        if (x.op === "||") {
          const l = await this.eval(x.l, scope);
          return truthy(l) ? l : this.eval(x.r, scope);
        }
        if (x.op === "??") {
          const l = await this.eval(x.l, scope);
          return l === null || l === undefined ? this.eval(x.r, scope) : l;
        }
        return this.binop(x.op, await this.eval(x.l, scope), await this.eval(x.r, scope));
      }
      case "assign": {
        if (x.op === "=") {
          const v = await this.eval(x.x, scope);
          if ("name" in x.target && x.target.k === "id" && v instanceof JsFunction && !v.name) v.name = x.target.name;
          if (x.target.k === "obj" || x.target.k === "arr") await this.assignPattern(x.target as Pattern, v, scope);
          else await this.assignTo(x.target as Node, v, scope);
          return v;
        }
        const target = x.target as Node;
        const cur = await this.eval(target, scope);
        let v: unknown;
        if (x.op === "&&=") v = truthy(cur) ? await this.eval(x.x, scope) : cur;
        else if (x.op === "||=") v = truthy(cur) ? cur : await this.eval(x.x, scope);
        else if (x.op === "??=") v = cur === null || cur === undefined ? await this.eval(x.x, scope) : cur;
        else v = this.binop(x.op.slice(0, -1), cur, await this.eval(x.x, scope));
        await this.assignTo(target, v, scope);
        return v;
      }
      case "cond":
        return truthy(await this.eval(x.c, scope)) ? this.eval(x.a, scope) : this.eval(x.b, scope);
      case "seq": {
        let v: unknown;
        for (const e of x.xs) v = await this.eval(e, scope);
        return v;
      }
      case "mem": {
        const o = await this.eval(x.o, scope);
        if (x.opt && (o === null || o === undefined)) return undefined;
        const k = typeof x.p === "string" ? x.p : await this.eval(x.p, scope);
        if (o === null || o === undefined) throw this.typeError(`Cannot read properties of ${toStr(o)} (reading '${toStr(k)}')`);
        return this.get(o, k);
      }
      case "call":
        return this.evalCall(x, scope);
      case "new": {
        const f = await this.eval(x.f, scope);
        const args = await this.evalArgs(x.args, scope);
        if (f instanceof NativeFn && f.construct) return f.construct(args);
        if (f instanceof JsFunction && !f.node.arrow) {
          const self = newObject();
          const r = await this.call(f, args, self);
          return typeof r === "object" && r !== null ? r : self;
        }
        throw this.typeError(`${describe(f, x.f)} is not a constructor`);
      }
      case "await": {
        const v = await this.eval(x.x, scope);
        return this.awaitValue(v);
      }
      default:
        throw this.error("SyntaxError", `Unexpected ${x.k}`);
    }
  }

  async awaitValue(v: unknown): Promise<unknown> {
    if (v instanceof JsPromise) {
      v.handled = true;
      try {
        return await v.p;
      } catch (e) {
        throw e instanceof Thrown ? e : new Thrown(e);
      }
    }
    await Promise.resolve();
    return v;
  }

  iterable(v: unknown): unknown[] {
    if (Array.isArray(v)) return v;
    if (typeof v === "string") return [...v];
    if (v instanceof JsMap) return [...v.m].map(([k, x]) => [k, x]);
    if (v instanceof JsSet) return [...v.s];
    throw this.typeError(`${toStr(v)} is not iterable`);
  }

  async evalArgs(args: Array<Node | { k: "spread"; x: Node }>, scope: Scope): Promise<unknown[]> {
    const out: unknown[] = [];
    for (const a of args) {
      if (a.k === "spread") out.push(...this.iterable(await this.eval((a as { x: Node }).x, scope)));
      else out.push(await this.eval(a as Node, scope));
    }
    return out;
  }

  private async evalCall(x: Extract<Node, { k: "call" }>, scope: Scope): Promise<unknown> {
    let thisVal: unknown = undefined;
    let f: unknown;
    if (x.f.k === "mem") {
      const o = await this.eval(x.f.o, scope);
      if (x.f.opt && (o === null || o === undefined)) return undefined;
      const k = typeof x.f.p === "string" ? x.f.p : await this.eval(x.f.p, scope);
      if (o === null || o === undefined) throw this.typeError(`Cannot read properties of ${toStr(o)} (reading '${toStr(k)}')`);
      f = this.get(o, k);
      thisVal = o;
    } else f = await this.eval(x.f, scope);
    if (x.opt && (f === null || f === undefined)) return undefined;
    const args = await this.evalArgs(x.args, scope);
    if (!(f instanceof JsFunction) && !(f instanceof NativeFn)) throw this.typeError(`${describe(f, x.f)} is not a function`);
    const line = this.line;
    const r = await this.call(f, args, thisVal);
    this.line = line;
    return r;
  }

  /** Call a function value. */
  async call(f: unknown, args: unknown[], thisVal: unknown = undefined): Promise<unknown> {
    if (f instanceof NativeFn) return f.fn(args, thisVal);
    if (!(f instanceof JsFunction)) throw this.typeError(`${inspect(f, 1)} is not a function`);
    const node = f.node;
    const scope = new Scope(f.scope as Scope);
    scope.declare("this", node.arrow ? f.thisVal : thisVal);
    const run = async (): Promise<unknown> => {
      for (let i = 0; i < node.params.length; i++) {
        let v = args[i];
        if (v === undefined && node.params[i].def) v = await this.eval(node.params[i].def!, scope);
        await this.bind(node.params[i].p, v, scope, "let");
      }
      if (node.rest) await this.bind(node.rest, args.slice(node.params.length), scope, "let");
      if (!Array.isArray(node.body)) return this.eval(node.body, scope);
      try {
        await this.runBody(node.body, scope);
      } catch (e) {
        if (e instanceof ReturnSig) return e.v;
        throw e;
      }
      return undefined;
    };
    if (node.async) return new JsPromise(run(), (v, jp) => this.host.onUnhandledRejection(v, jp));
    return run();
  }

  private async assignTo(t: Node, v: unknown, scope: Scope): Promise<void> {
    if (t.k === "id") {
      this.assignName(t.name, v, scope);
      return;
    }
    if (t.k === "mem") {
      const o = await this.eval(t.o, scope);
      const k = typeof t.p === "string" ? t.p : await this.eval(t.p, scope);
      if (o === null || o === undefined) throw this.typeError(`Cannot set properties of ${toStr(o)} (setting '${toStr(k)}')`);
      this.set(o, k, v);
      return;
    }
    throw this.error("SyntaxError", "Invalid left-hand side in assignment");
  }

  binop(op: string, l: unknown, r: unknown): unknown {
    switch (op) {
      case "+":
        if (typeof l === "string" || typeof r === "string" || (typeof l === "object" && l !== null) || (typeof r === "object" && r !== null)) return toStr(l) + toStr(r);
        return toNum(l) + toNum(r);
      case "-":
        return toNum(l) - toNum(r);
      case "*":
        return toNum(l) * toNum(r);
      case "/":
        return toNum(l) / toNum(r);
      case "%":
        return toNum(l) % toNum(r);
      case "**":
        return toNum(l) ** toNum(r);
      case "===":
        return strictEquals(l, r);
      case "!==":
        return !strictEquals(l, r);
      case "==":
        return looseEquals(l, r);
      case "!=":
        return !looseEquals(l, r);
      case "<":
        return typeof l === "string" && typeof r === "string" ? l < r : toNum(l) < toNum(r);
      case ">":
        return typeof l === "string" && typeof r === "string" ? l > r : toNum(l) > toNum(r);
      case "<=":
        return typeof l === "string" && typeof r === "string" ? l <= r : toNum(l) <= toNum(r);
      case ">=":
        return typeof l === "string" && typeof r === "string" ? l >= r : toNum(l) >= toNum(r);
      case "&":
        return toNum(l) & toNum(r);
      case "|":
        return toNum(l) | toNum(r);
      case "^":
        return toNum(l) ^ toNum(r);
      case "<<":
        return toNum(l) << toNum(r);
      case ">>":
        return toNum(l) >> toNum(r);
      case ">>>":
        return toNum(l) >>> toNum(r);
      case "in":
        return isPlainObject(r) ? toStr(l) in r : Array.isArray(r) ? Number(l) < r.length : false;
      case "instanceof": {
        const name = r instanceof NativeFn ? r.name : "";
        if (name === "Error") return l instanceof JsError;
        if (name === "Array") return Array.isArray(l);
        if (name === "Date") return l instanceof JsDate;
        if (name === "Map") return l instanceof JsMap;
        if (name === "Set") return l instanceof JsSet;
        if (name === "Promise") return l instanceof JsPromise;
        if (name === "Object") return typeof l === "object" && l !== null;
        if (l instanceof JsError) return l.name === name;
        return false;
      }
    }
    throw this.error("SyntaxError", `Unexpected token '${op}'`);
  }

  /** Property read, limited to what the model offers (no prototypes to climb). */
  get(o: unknown, key: unknown): unknown {
    const k = typeof key === "number" ? String(key) : toStr(key);
    if (typeof o === "string") {
      if (k === "length") return o.length;
      if (/^\d+$/.test(k)) return o[Number(k)];
      return this.stringMethod(o, k);
    }
    if (typeof o === "number") {
      if (k === "toFixed") return new NativeFn("toFixed", (a) => o.toFixed(toNum(a[0] ?? 0)));
      if (k === "toString") return new NativeFn("toString", (a) => o.toString(a[0] === undefined ? 10 : toNum(a[0])));
      if (k === "toLocaleString") return new NativeFn("toLocaleString", () => o.toLocaleString("en-US"));
      return undefined;
    }
    if (typeof o === "boolean") return k === "toString" ? new NativeFn("toString", () => String(o)) : undefined;
    if (Array.isArray(o)) {
      if (k === "length") return o.length;
      if (/^\d+$/.test(k)) return o[Number(k)];
      return this.arrayMethod(o, k);
    }
    if (o instanceof JsFunction || o instanceof NativeFn) {
      if (k === "name") return o.name;
      if (k in o.props) return o.props[k];
      if (k === "call") return new NativeFn("call", (a) => this.call(o, a.slice(1), a[0]));
      if (k === "apply") return new NativeFn("apply", (a) => this.call(o, Array.isArray(a[1]) ? a[1] : [], a[0]));
      if (k === "bind") return new NativeFn("bound " + o.name, (a) => new NativeFn("bound " + o.name, (b) => this.call(o, [...a.slice(1), ...b], a[0])));
      return undefined;
    }
    if (o instanceof JsPromise) return this.promiseMethod(o, k);
    if (o instanceof JsError) {
      if (k === "message") return o.message;
      if (k === "name") return o.name;
      if (k === "stack") return o.stack;
      if (k === "toString") return new NativeFn("toString", () => toStr(o));
      return o.props[k];
    }
    if (o instanceof JsDate) return this.dateMethod(o, k);
    if (o instanceof JsMap) return this.mapMethod(o, k);
    if (o instanceof JsSet) return this.setMethod(o, k);
    if (o instanceof JsBuffer) {
      if (k === "length") return o.data.length;
      if (k === "toString") return new NativeFn("toString", () => o.toString());
      if (/^\d+$/.test(k)) return o.data[Number(k)];
      return undefined;
    }
    if (isPlainObject(o)) {
      if (Object.prototype.hasOwnProperty.call(o, k)) return o[k];
      if (k === "hasOwnProperty") return new NativeFn("hasOwnProperty", (a) => Object.prototype.hasOwnProperty.call(o, toStr(a[0])));
      if (k === "toString") return new NativeFn("toString", () => "[object Object]");
      return undefined;
    }
    return undefined;
  }

  set(o: unknown, key: unknown, v: unknown): void {
    const k = typeof key === "number" ? String(key) : toStr(key);
    if (Array.isArray(o)) {
      if (k === "length") o.length = toNum(v);
      else if (/^\d+$/.test(k)) o[Number(k)] = v;
      return;
    }
    if (isPlainObject(o)) {
      o[k] = v;
      return;
    }
    if (o instanceof JsFunction || o instanceof NativeFn) {
      if (k === "name") return;
      o.props[k] = v;
      return;
    }
    if (o instanceof JsError) {
      if (k === "message") o.message = toStr(v);
      else if (k === "name") o.name = toStr(v);
      else o.props[k] = v;
    }
  }

  private stringMethod(s: string, k: string): unknown {
    const fns: Record<string, (a: unknown[]) => unknown> = {
      toUpperCase: () => s.toUpperCase(),
      toLowerCase: () => s.toLowerCase(),
      trim: () => s.trim(),
      trimStart: () => s.trimStart(),
      trimEnd: () => s.trimEnd(),
      split: (a) => (a[0] === undefined ? [s] : s.split(toStr(a[0]), a[1] === undefined ? undefined : toNum(a[1]))),
      includes: (a) => s.includes(toStr(a[0]), a[1] === undefined ? undefined : toNum(a[1])),
      startsWith: (a) => s.startsWith(toStr(a[0]), a[1] === undefined ? undefined : toNum(a[1])),
      endsWith: (a) => s.endsWith(toStr(a[0])),
      indexOf: (a) => s.indexOf(toStr(a[0]), a[1] === undefined ? undefined : toNum(a[1])),
      lastIndexOf: (a) => s.lastIndexOf(toStr(a[0])),
      slice: (a) => s.slice(a[0] === undefined ? undefined : toNum(a[0]), a[1] === undefined ? undefined : toNum(a[1])),
      substring: (a) => s.substring(toNum(a[0] ?? 0), a[1] === undefined ? undefined : toNum(a[1])),
      substr: (a) => s.substr(toNum(a[0] ?? 0), a[1] === undefined ? undefined : toNum(a[1])),
      charAt: (a) => s.charAt(toNum(a[0] ?? 0)),
      charCodeAt: (a) => s.charCodeAt(toNum(a[0] ?? 0)),
      at: (a) => s.at(toNum(a[0] ?? 0)),
      padStart: (a) => s.padStart(toNum(a[0]), a[1] === undefined ? " " : toStr(a[1])),
      padEnd: (a) => s.padEnd(toNum(a[0]), a[1] === undefined ? " " : toStr(a[1])),
      repeat: (a) => s.repeat(toNum(a[0])),
      concat: (a) => s.concat(...a.map(toStr)),
      replace: (a) => s.replace(toStr(a[0]), toStr(a[1])),
      replaceAll: (a) => s.split(toStr(a[0])).join(toStr(a[1])),
      toString: () => s,
      localeCompare: (a) => (s < toStr(a[0]) ? -1 : s > toStr(a[0]) ? 1 : 0),
    };
    const f = fns[k];
    return f ? new NativeFn(k, f) : undefined;
  }

  private arrayMethod(arr: unknown[], k: string): unknown {
    const call = (f: unknown, ...a: unknown[]) => this.call(f, a);
    const fns: Record<string, (a: unknown[]) => unknown> = {
      push: (a) => arr.push(...a),
      pop: () => arr.pop(),
      shift: () => arr.shift(),
      unshift: (a) => arr.unshift(...a),
      slice: (a) => arr.slice(a[0] === undefined ? undefined : toNum(a[0]), a[1] === undefined ? undefined : toNum(a[1])),
      splice: (a) => arr.splice(toNum(a[0]), a[1] === undefined ? arr.length : toNum(a[1]), ...a.slice(2)),
      concat: (a) => arr.concat(...a.map((x) => (Array.isArray(x) ? x : [x]))),
      join: (a) => arr.map((x) => (x === null || x === undefined ? "" : toStr(x))).join(a[0] === undefined ? "," : toStr(a[0])),
      indexOf: (a) => arr.findIndex((x) => strictEquals(x, a[0])),
      includes: (a) => arr.some((x) => strictEquals(x, a[0]) || (Number.isNaN(x) && Number.isNaN(a[0]))),
      reverse: () => arr.reverse(),
      at: (a) => arr.at(toNum(a[0])),
      flat: () => arr.flat(),
      fill: (a) => arr.fill(a[0]),
      toString: () => toStr(arr),
      keys: () => arr.map((_, i) => i),
      entries: () => arr.map((x, i) => [i, x]),
      map: async (a) => {
        const out: unknown[] = [];
        for (let i = 0; i < arr.length; i++) out.push(await call(a[0], arr[i], i, arr));
        return out;
      },
      filter: async (a) => {
        const out: unknown[] = [];
        for (let i = 0; i < arr.length; i++) if (truthy(await call(a[0], arr[i], i, arr))) out.push(arr[i]);
        return out;
      },
      forEach: async (a) => {
        for (let i = 0; i < arr.length; i++) await call(a[0], arr[i], i, arr);
        return undefined;
      },
      find: async (a) => {
        for (let i = 0; i < arr.length; i++) if (truthy(await call(a[0], arr[i], i, arr))) return arr[i];
        return undefined;
      },
      findIndex: async (a) => {
        for (let i = 0; i < arr.length; i++) if (truthy(await call(a[0], arr[i], i, arr))) return i;
        return -1;
      },
      some: async (a) => {
        for (let i = 0; i < arr.length; i++) if (truthy(await call(a[0], arr[i], i, arr))) return true;
        return false;
      },
      every: async (a) => {
        for (let i = 0; i < arr.length; i++) if (!truthy(await call(a[0], arr[i], i, arr))) return false;
        return true;
      },
      reduce: async (a) => {
        let i = 0;
        let acc: unknown;
        if (a.length > 1) acc = a[1];
        else {
          if (arr.length === 0) throw this.typeError("Reduce of empty array with no initial value");
          acc = arr[i++];
        }
        for (; i < arr.length; i++) acc = await call(a[0], acc, arr[i], i, arr);
        return acc;
      },
      sort: async (a) => {
        const items = [...arr];
        const cmp = async (x: unknown, y: unknown) => (a[0] === undefined ? (toStr(x) < toStr(y) ? -1 : toStr(x) > toStr(y) ? 1 : 0) : toNum(await call(a[0], x, y)));
        // insertion sort: comparisons may run script code, so the sort awaits them
        for (let i = 1; i < items.length; i++) {
          const v = items[i];
          let j = i - 1;
          while (j >= 0 && (await cmp(items[j], v)) > 0) {
            items[j + 1] = items[j];
            j--;
          }
          items[j + 1] = v;
        }
        arr.splice(0, arr.length, ...items);
        return arr;
      },
    };
    const f = fns[k];
    return f ? new NativeFn(k, f) : undefined;
  }

  private promiseMethod(p: JsPromise, k: string): unknown {
    const then = (onOk: unknown, onErr: unknown) => {
      p.handled = true;
      return new JsPromise(
        p.p.then(
          (v) => (onOk instanceof JsFunction || onOk instanceof NativeFn ? this.call(onOk, [v]).then((r) => this.awaitValue(r)) : v),
          (e) => {
            const v = e instanceof Thrown ? e.value : e;
            if (onErr instanceof JsFunction || onErr instanceof NativeFn) return this.call(onErr, [v]).then((r) => this.awaitValue(r));
            throw e;
          },
        ),
        (v, jp) => this.host.onUnhandledRejection(v, jp),
      );
    };
    if (k === "then") return new NativeFn("then", (a) => then(a[0], a[1]));
    if (k === "catch") return new NativeFn("catch", (a) => then(undefined, a[0]));
    if (k === "finally")
      return new NativeFn("finally", (a) => {
        p.handled = true;
        return new JsPromise(
          p.p.then(
            async (v) => {
              await this.call(a[0], []);
              return v;
            },
            async (e) => {
              await this.call(a[0], []);
              throw e;
            },
          ),
          (v, jp) => this.host.onUnhandledRejection(v, jp),
        );
      });
    return undefined;
  }

  private dateMethod(d: JsDate, k: string): unknown {
    const dt = () => new Date(d.ms);
    const fns: Record<string, () => unknown> = {
      toISOString: () => dt().toISOString(),
      toJSON: () => dt().toISOString(),
      getTime: () => d.ms,
      valueOf: () => d.ms,
      getFullYear: () => dt().getUTCFullYear(),
      getMonth: () => dt().getUTCMonth(),
      getDate: () => dt().getUTCDate(),
      getDay: () => dt().getUTCDay(),
      getHours: () => dt().getUTCHours(),
      getMinutes: () => dt().getUTCMinutes(),
      getSeconds: () => dt().getUTCSeconds(),
      getMilliseconds: () => dt().getUTCMilliseconds(),
      toString: () => toStr(d),
      toUTCString: () => dt().toUTCString(),
      toLocaleString: () => dt().toLocaleString("en-US", { timeZone: "UTC" }),
      toLocaleDateString: () => dt().toLocaleDateString("en-US", { timeZone: "UTC" }),
      toLocaleTimeString: () => dt().toLocaleTimeString("en-US", { timeZone: "UTC" }),
    };
    const f = fns[k];
    return f ? new NativeFn(k, () => f()) : undefined;
  }

  private mapMethod(m: JsMap, k: string): unknown {
    if (k === "size") return m.m.size;
    const fns: Record<string, (a: unknown[]) => unknown> = {
      get: (a) => m.m.get(a[0]),
      set: (a) => (m.m.set(a[0], a[1]), m),
      has: (a) => m.m.has(a[0]),
      delete: (a) => m.m.delete(a[0]),
      clear: () => m.m.clear(),
      keys: () => [...m.m.keys()],
      values: () => [...m.m.values()],
      entries: () => [...m.m].map(([a, b]) => [a, b]),
      forEach: async (a) => {
        for (const [key, v] of [...m.m]) await this.call(a[0], [v, key, m]);
        return undefined;
      },
    };
    const f = fns[k];
    return f ? new NativeFn(k, f) : undefined;
  }

  private setMethod(s: JsSet, k: string): unknown {
    if (k === "size") return s.s.size;
    const fns: Record<string, (a: unknown[]) => unknown> = {
      add: (a) => (s.s.add(a[0]), s),
      has: (a) => s.s.has(a[0]),
      delete: (a) => s.s.delete(a[0]),
      clear: () => s.s.clear(),
      values: () => [...s.s],
      keys: () => [...s.s],
      forEach: async (a) => {
        for (const v of [...s.s]) await this.call(a[0], [v, v, s]);
        return undefined;
      },
    };
    const f = fns[k];
    return f ? new NativeFn(k, f) : undefined;
  }

  /** The global objects every module sees (console, process, require and timers are the host's). */
  static standardGlobals(interp: () => Interp, now: () => number): Record<string, unknown> {
    const nf = (name: string, fn: (a: unknown[]) => unknown, construct?: (a: unknown[]) => unknown) => new NativeFn(name, fn, construct);
    const obj = (name: string, fns: Record<string, (a: unknown[]) => unknown>, extra: Record<string, unknown> = {}) => {
      const o = newObject(extra);
      for (const [k, f] of Object.entries(fns)) o[k] = nf(k, f);
      void name;
      return o;
    };
    const errorCtor = (name: string) => {
      const make = (a: unknown[]) => {
        const e = new JsError(name, a[0] === undefined ? "" : toStr(a[0]), interp().host.where(interp().line));
        if (isPlainObject(a[1]) && "cause" in a[1]) e.props.cause = a[1].cause;
        return e;
      };
      return nf(name, make, make);
    };
    const math = newObject({ PI: Math.PI, E: Math.E });
    for (const k of ["abs", "floor", "ceil", "round", "trunc", "sqrt", "pow", "min", "max", "sign", "log", "log10", "log2", "exp", "sin", "cos", "tan", "atan2", "hypot", "cbrt"] as const) {
      math[k] = nf(k, (a) => (Math[k] as (...x: number[]) => number)(...a.map(toNum)));
    }
    let seed = 42;
    math.random = nf("random", () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    });
    const dateCtor = nf(
      "Date",
      () => toStr(new JsDate(now())),
      (a) => new JsDate(a.length === 0 ? now() : typeof a[0] === "string" ? Date.parse(a[0]) : a.length > 1 ? Date.UTC(toNum(a[0]), toNum(a[1]), toNum(a[2] ?? 1), toNum(a[3] ?? 0), toNum(a[4] ?? 0), toNum(a[5] ?? 0)) : toNum(a[0])),
    );
    dateCtor.props.now = nf("now", () => now());
    dateCtor.props.parse = nf("parse", (a) => Date.parse(toStr(a[0])));
    const promiseCtor = nf(
      "Promise",
      () => {
        throw interp().typeError("Promise constructor cannot be invoked without 'new'");
      },
      (a) => {
        let ok!: (v: unknown) => void;
        let bad!: (e: unknown) => void;
        const p = new Promise<unknown>((r, j) => {
          ok = r;
          bad = j;
        });
        const jp = new JsPromise(p, (v, jp) => interp().host.onUnhandledRejection(v, jp));
        const resolveFn = nf("resolve", (x) => {
          const v = x[0];
          if (v instanceof JsPromise) {
            v.handled = true;
            v.p.then(ok, bad);
          } else ok(v);
        });
        const rejectFn = nf("reject", (x) => bad(new Thrown(x[0])));
        void interp()
          .call(a[0], [resolveFn, rejectFn])
          .catch((e) => bad(e instanceof Thrown ? e : new Thrown(e)));
        return jp;
      },
    );
    promiseCtor.props.resolve = nf("resolve", (a) => (a[0] instanceof JsPromise ? a[0] : new JsPromise(Promise.resolve(a[0]))));
    promiseCtor.props.reject = nf("reject", (a) => new JsPromise(Promise.reject(new Thrown(a[0])), (v, jp) => interp().host.onUnhandledRejection(v, jp)));
    promiseCtor.props.all = nf("all", (a) => {
      const items = interp().iterable(a[0]);
      return new JsPromise(Promise.all(items.map((x) => interp().awaitValue(x))), (v, jp) => interp().host.onUnhandledRejection(v, jp));
    });
    const objectCtor = nf("Object", (a) => a[0] ?? newObject(), (a) => a[0] ?? newObject());
    Object.assign(objectCtor.props, {
      keys: nf("keys", (a) => (isPlainObject(a[0]) ? Object.keys(a[0]) : Array.isArray(a[0]) ? a[0].map((_, i) => String(i)) : [])),
      values: nf("values", (a) => (isPlainObject(a[0]) ? Object.values(a[0]) : Array.isArray(a[0]) ? [...a[0]] : [])),
      entries: nf("entries", (a) => (isPlainObject(a[0]) ? Object.entries(a[0]).map(([k, v]) => [k, v]) : [])),
      assign: nf("assign", (a) => {
        const t = a[0] as JsObject;
        for (const s of a.slice(1)) if (isPlainObject(s)) Object.assign(t, s);
        return t;
      }),
      freeze: nf("freeze", (a) => a[0]),
      fromEntries: nf("fromEntries", (a) => {
        const o = newObject();
        for (const e of interp().iterable(a[0])) if (Array.isArray(e)) o[toStr(e[0])] = e[1];
        return o;
      }),
    });
    const arrayCtor = nf("Array", (a) => (a.length === 1 && typeof a[0] === "number" ? new Array<unknown>(a[0]).fill(undefined) : [...a]), (a) => (a.length === 1 && typeof a[0] === "number" ? new Array<unknown>(a[0]).fill(undefined) : [...a]));
    Object.assign(arrayCtor.props, {
      isArray: nf("isArray", (a) => Array.isArray(a[0])),
      from: nf("from", async (a) => {
        const src = isPlainObject(a[0]) && typeof a[0].length === "number" ? Array.from({ length: a[0].length as number }, () => undefined) : interp().iterable(a[0]);
        if (!a[1]) return [...src];
        const out: unknown[] = [];
        for (let i = 0; i < src.length; i++) out.push(await interp().call(a[1], [src[i], i]));
        return out;
      }),
      of: nf("of", (a) => [...a]),
    });
    const numberCtor = nf("Number", (a) => (a.length ? toNum(a[0]) : 0));
    Object.assign(numberCtor.props, {
      isInteger: nf("isInteger", (a) => Number.isInteger(a[0])),
      isNaN: nf("isNaN", (a) => Number.isNaN(a[0])),
      isFinite: nf("isFinite", (a) => Number.isFinite(a[0])),
      parseInt: nf("parseInt", (a) => parseInt(toStr(a[0]), a[1] === undefined ? undefined : toNum(a[1]))),
      parseFloat: nf("parseFloat", (a) => parseFloat(toStr(a[0]))),
      MAX_SAFE_INTEGER: Number.MAX_SAFE_INTEGER,
    });
    const json = obj("JSON", {
      stringify: (a) => {
        const indent = typeof a[2] === "number" || typeof a[2] === "string" ? a[2] : undefined;
        return JSON.stringify(toPlain(a[0]), null, indent as number | string | undefined);
      },
      parse: (a) => {
        try {
          return fromPlain(JSON.parse(toStr(a[0])));
        } catch (e) {
          throw interp().error("SyntaxError", e instanceof Error ? e.message : String(e));
        }
      },
    });
    const bufferCtor = nf("Buffer", (a) => JsBuffer.from(a[0]));
    Object.assign(bufferCtor.props, {
      from: nf("from", (a) => (Array.isArray(a[0]) ? new JsBuffer(Uint8Array.from(a[0].map(toNum))) : JsBuffer.from(a[0]))),
      byteLength: nf("byteLength", (a) => JsBuffer.from(a[0]).data.length),
      isBuffer: nf("isBuffer", (a) => a[0] instanceof JsBuffer),
    });
    return {
      Math: math,
      JSON: json,
      Object: objectCtor,
      Array: arrayCtor,
      Number: numberCtor,
      String: nf("String", (a) => (a.length ? toStr(a[0]) : "")),
      Boolean: nf("Boolean", (a) => truthy(a[0])),
      Date: dateCtor,
      Promise: promiseCtor,
      Map: nf("Map", () => {
        throw interp().typeError("Constructor Map requires 'new'");
      }, (a) => new JsMap(new Map(a[0] === undefined ? [] : interp().iterable(a[0]).map((e) => (Array.isArray(e) ? [e[0], e[1]] : [e, undefined]) as [unknown, unknown])))),
      Set: nf("Set", () => {
        throw interp().typeError("Constructor Set requires 'new'");
      }, (a) => new JsSet(new Set(a[0] === undefined ? [] : interp().iterable(a[0])))),
      Buffer: bufferCtor,
      Error: errorCtor("Error"),
      TypeError: errorCtor("TypeError"),
      RangeError: errorCtor("RangeError"),
      SyntaxError: errorCtor("SyntaxError"),
      ReferenceError: errorCtor("ReferenceError"),
      parseInt: nf("parseInt", (a) => parseInt(toStr(a[0]), a[1] === undefined ? undefined : toNum(a[1]))),
      parseFloat: nf("parseFloat", (a) => parseFloat(toStr(a[0]))),
      isNaN: nf("isNaN", (a) => Number.isNaN(toNum(a[0]))),
      encodeURIComponent: nf("encodeURIComponent", (a) => encodeURIComponent(toStr(a[0]))),
      decodeURIComponent: nf("decodeURIComponent", (a) => {
        try {
          return decodeURIComponent(toStr(a[0]));
        } catch {
          throw interp().error("URIError", "URI malformed");
        }
      }),
      NaN,
      Infinity,
    };
  }
}

/** A marker for let/const before their declaration ran. */
const TDZ = Symbol("tdz");

export function patternNames(p: Pattern): string[] {
  if (p.k === "id") return [p.name];
  if (p.k === "obj") return [...p.props.flatMap((x) => patternNames(x.value)), ...(p.rest ? [p.rest] : [])];
  return [...p.items.flatMap((x) => (x ? patternNames(x.value) : [])), ...(p.rest ? [p.rest] : [])];
}

export function strictEquals(a: unknown, b: unknown): boolean {
  return a === b;
}

function looseEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (a === null || a === undefined || b === null || b === undefined) return false;
  if (typeof a === "object" || typeof b === "object") return false;
  return toNum(a) === toNum(b) || toStr(a) === toStr(b);
}

/** How V8 names a value in "x is not a function" (the expression's source when it has one). */
function describe(v: unknown, n: Node): string {
  const src = nodeText(n);
  if (src) return src;
  return inspect(v, 1);
}

function nodeText(n: Node): string | null {
  if (n.k === "id") return n.name;
  if (n.k === "mem") {
    const o = nodeText(n.o);
    if (!o) return null;
    return typeof n.p === "string" ? `${o}.${n.p}` : `${o}[...]`;
  }
  if (n.k === "this") return "this";
  return null;
}

export { format, inspect };
