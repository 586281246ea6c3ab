/**
 * The text/template executor's walk (Go's text/template/exec.go): actions, if/with/range/else,
 * break/continue and {{template}}, over the evaluation in eval.ts.
 */
import { BREAK, CONTINUE, EvalState, isTrue, MAX_DEPTH } from "./eval";
import { sprintf } from "./fmt";
import type { IfLike, Node } from "./nodes";
import { nodeString } from "./nodes";
import { GoValue, indirect, indirectInterface, isIntKind, isUintKind, mapEntries, sortKeys, T, wrap, type GoType } from "./value";

export { isTrue, TemplateExecError, toJS, type ExecContext, type MissingKey } from "./eval";

export class State extends EvalState {
  walk(dot: GoValue, node: Node): void {
    this.at(node);
    switch (node.type) {
      case "action": {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case "comment":
        return;
      case "if":
      case "with":
        this.walkIfOrWith(node, dot);
        return;
      case "list":
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case "range":
        this.walkRange(dot, node);
        return;
      case "template":
        this.walkTemplate(dot, node);
        return;
      case "text":
        this.write(node.text);
        return;
      case "break":
        throw BREAK;
      case "continue":
        throw CONTINUE;
    }
    this.errorf(`unknown node: ${nodeString(node)}`);
  }

  walkIfOrWith(node: IfLike, dot: GoValue): void {
    const m = this.mark();
    try {
      const val = this.evalPipeline(dot, node.pipe);
      const { truth, ok } = isTrue(indirectInterface(val));
      if (!ok) this.errorf(`if/with can't use ${sprintf("%v", [val])}`);
      if (truth) this.walk(node.type === "with" ? val : dot, node.list);
      else if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.pop(m);
    }
  }

  walkRange(dot: GoValue, r: IfLike): void {
    this.at(r);
    const outer = this.mark();
    try {
      const val = indirect(this.evalPipeline(dot, r.pipe)).v;
      const m = this.mark();
      const decl = r.pipe.decl;
      const one = (index: GoValue, elem: GoValue): boolean => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) this.setVar(decl[0].ident[0], decl.length > 1 ? index : elem);
          else this.setTopVar(1, elem);
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1].ident[0], elem);
          else this.setTopVar(2, index);
        }
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e === BREAK) return false;
          if (e !== CONTINUE) throw e;
        } finally {
          this.pop(m);
        }
        return true;
      };
      const k = val.t.kind;
      let iterated = false;
      if (k === "slice") {
        const arr = (val.v ?? []) as unknown[];
        const elemT = (val.t as { elem: GoType }).elem;
        for (let i = 0; i < arr.length; i++) {
          iterated = true;
          if (!one(new GoValue(T.int, i), wrap(elemT, arr[i]))) break;
        }
      } else if (isIntKind(k) || isUintKind(k)) {
        if (decl.length > 1) this.errorf(`can't use ${sprintf("%v", [val])} to iterate over more than one variable`);
        const n = Number(val.v);
        for (let i = 0; i < n; i++) {
          iterated = true;
          const iv = new GoValue(val.t, i);
          if (!one(iv, iv)) break;
        }
      } else if (k === "map") {
        const mt = val.t as { key: GoType; elem: GoType };
        const entries = mapEntries(val.v) ?? [];
        const byKey = new Map(entries);
        for (const key of sortKeys(entries.map((e) => e[0]))) {
          iterated = true;
          if (!one(wrap(mt.key, key), wrap(mt.elem, byKey.get(key)))) break;
        }
      } else if (k === "invalid" || (k === "interface" && !val.v)) {
        // a nil value ranges like an empty map
      } else this.errorf(`range can't iterate over ${sprintf("%v", [val])}`);
      if (!iterated && r.elseList) this.walk(dot, r.elseList);
    } finally {
      this.pop(outer);
    }
  }

  walkTemplate(dot: GoValue, t: Extract<Node, { type: "template" }>): void {
    this.at(t);
    const tree = this.ctx.trees.get(t.name);
    if (!tree) this.errorf(`template ${JSON.stringify(t.name)} not defined`);
    if (this.depth >= MAX_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_DEPTH})`);
    const newDot = this.evalPipeline(dot, t.pipe);
    const sub = new State(this.ctx, tree, newDot);
    sub.depth = this.depth + 1;
    sub.out = "";
    try {
      sub.walk(newDot, tree.root);
    } catch (e) {
      if (e instanceof RangeError) {
        this.at(t);
        this.errorf(`exceeded maximum template depth (${MAX_DEPTH})`);
      }
      throw e;
    } finally {
      this.write(sub.out);
    }
  }

}
