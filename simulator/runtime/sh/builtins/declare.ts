/**
 * bash's declare (and typeset), and its local with the same options: -a and -A make arrays,
 * -p prints declarations as bash does (`declare -A m=([k]="v" )`), -x and -r export and protect,
 * -g declares globally from a function. BusyBox ash has no declare: the table marks it bash-only.
 */
import { arrayText, doubleQuote } from "../arrays";
import { bashAssign, makeArray } from "../bashvars";
import type { Shell } from "../shell";
import { isName, type Var } from "../vars";
import { def } from "./table";

const USAGE: Record<string, string> = {
  declare: "declare: usage: declare [-aAfFgiIlnrtux] [name[=value] ...] or declare -p [-aAfFilnrtux] [name ...]",
  typeset: "typeset: usage: typeset [-aAfFgiIlnrtux] name[=value] ... or typeset -p [-aAfFilnrtux] [name ...]",
  local: "local: usage: local [option] name[=value] ...",
};

/** The attribute letters bash prints for a variable ("--" for none). */
function flagsOf(v: Var): string {
  let f = "";
  if (v.arr) f += v.arr.assoc ? "A" : "a";
  if (v.readonly) f += "r";
  if (v.exported) f += "x";
  return f ? "-" + f : "--";
}

function declaration(name: string, v: Var): string {
  let s = `declare ${flagsOf(v)} ${name}`;
  if (v.arr) s += "=" + arrayText(v.arr);
  else if (v.value !== null) s += "=" + doubleQuote(v.value);
  return s + "\n";
}

export async function declareCmd(sh: Shell, argv: string[]): Promise<number> {
  const cmd = argv[0];
  const isLocal = cmd === "local";
  const assigns = sh.declAssigns;
  sh.declAssigns = null;
  if (isLocal && !sh.vars.inFunction) {
    await sh.msg("can only be used in a function");
    return 1;
  }
  const on = new Set<string>();
  const off = new Set<string>();
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (assigns?.has(i)) break;
    if (a === "--") {
      i++;
      break;
    }
    if ((a[0] !== "-" && a[0] !== "+") || a.length === 1) break;
    for (const c of a.slice(1)) {
      if (!"aAfFgiIlnrtuxp".includes(c)) {
        await sh.msg(`${a[0]}${c}: invalid option`);
        await sh.err(USAGE[cmd] + "\n");
        return 2;
      }
      (a[0] === "-" ? on : off).add(c);
    }
  }
  const names = argv.slice(i);
  const kind: "a" | "A" | null = on.has("A") ? "A" : on.has("a") ? "a" : null;
  if (on.has("p") || (names.length === 0 && !isLocal)) {
    let out = "";
    let status = 0;
    const list = names.length ? names : [...sh.vars.map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const n of list) {
      const v = sh.vars.lookup(n);
      if (!v) {
        await sh.out(out);
        out = "";
        await sh.msg(`${n}: not found`);
        status = 1;
        continue;
      }
      if (kind && (!v.arr || v.arr.assoc !== (kind === "A"))) continue;
      out += declaration(n, v);
    }
    await sh.out(out);
    return status;
  }
  const local = isLocal || (sh.vars.inFunction && !on.has("g"));
  let status = 0;
  for (let k = 0; k < names.length; k++) {
    const a = names[k];
    const parts = assigns?.get(i + k);
    const eq = a.indexOf("=");
    const name = parts ? parts.name : eq < 0 ? a : a.slice(0, eq);
    if (!isName(name)) {
      await sh.msg(`\`${a}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (local) sh.vars.makeLocal(name);
    const cur = sh.vars.lookup(name);
    if (kind === "A" && cur?.arr && !cur.arr.assoc) {
      await sh.msg(`${name}: cannot convert indexed to associative array`);
      status = 1;
      continue;
    }
    if (kind === "a" && cur?.arr?.assoc) {
      await sh.msg(`${name}: cannot convert associative to indexed array`);
      status = 1;
      continue;
    }
    if (cur?.readonly && (parts || eq >= 0 || on.has("a") || on.has("A"))) {
      await sh.msg(`${name}: readonly variable`);
      status = 1;
      continue;
    }
    if (local && cur && !parts && eq < 0) {
      // a new local starts unset (bash keeps nothing of the outer value)
      cur.value = null;
      delete cur.arr;
    }
    if (parts) {
      if (!(await bashAssign(sh, parts, kind))) status = 1;
    } else {
      if (kind) makeArray(sh, name, kind === "A");
      if (eq >= 0) {
        const v = sh.vars.lookup(name);
        if (v?.arr) v.arr.set("0", a.slice(eq + 1));
        else await sh.setVar(name, a.slice(eq + 1));
      } else if (!sh.vars.lookup(name)) sh.vars.map.set(name, { value: null, exported: false, readonly: false });
    }
    const v = sh.vars.lookup(name)!;
    if (on.has("x")) v.exported = true;
    if (off.has("x")) v.exported = false;
    if (on.has("r")) v.readonly = true;
  }
  return status;
}

def(["declare", "typeset"], declareCmd, { assign: true, bashOnly: true });
def("local", declareCmd, { assign: true, bashOnly: true });
