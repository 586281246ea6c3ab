/** export, readonly, unset, local: variable attributes and scopes. */
import { singleQuote } from "../command";
import type { Shell } from "../shell";
import { isName } from "../vars";
import { subscriptKey } from "../bashvars";
import { nextopt } from "./util";
import { def } from "./table";

/** `set`, `export -p` and `readonly -p` listings: sorted by name, values single-quoted. */
export async function showVars(sh: Shell, prefix: string, filter: (v: { exported: boolean; readonly: boolean; value: string | null }) => boolean): Promise<void> {
  const names = [...sh.vars.map.keys()].filter((k) => filter(sh.vars.map.get(k)!)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let out = "";
  for (const k of names) {
    const v = sh.vars.map.get(k)!;
    out += (prefix ? prefix + " " : "") + k + (v.value === null ? "" : "=" + singleQuote(v.value)) + "\n";
  }
  await sh.out(out);
}

async function exportcmd(sh: Shell, argv: string[]): Promise<number> {
  const ro = argv[0] === "readonly";
  const { opts, args } = await nextopt(sh, argv, "np");
  const unexport = !ro && opts.includes("n");
  if (args.length === 0) {
    await showVars(sh, argv[0], (v) => (ro ? v.readonly : v.exported));
    return 0;
  }
  for (const a of args) {
    const eq = a.indexOf("=");
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!isName(name)) return sh.raise(`${name}: bad variable name`);
    if (eq < 0) {
      const v = sh.vars.lookup(name);
      if (v) {
        if (ro) v.readonly = true;
        else v.exported = !unexport;
        continue;
      }
      if (unexport) continue;
      sh.vars.flag(name, ro ? "readonly" : "exported");
      continue;
    }
    await sh.setVar(name, a.slice(eq + 1), ro ? { readonly: true } : { export: !unexport });
    if (unexport) sh.vars.lookup(name)!.exported = false;
  }
  return 0;
}

def(["export", "readonly"], exportcmd, { special: true, assign: true });

def(
  "unset",
  async (sh, argv) => {
    const { opts, args } = await nextopt(sh, argv, "vf");
    const flag = opts[opts.length - 1];
    let status = 0;
    for (const name of args) {
      if (flag === "f") {
        sh.funcs.delete(name);
        continue;
      }
      const el = sh.bash ? /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/s.exec(name) : null;
      if (el) {
        if (!(await unsetElement(sh, el[1], el[2]))) status = 1;
        continue;
      }
      if (!isName(name)) {
        if (sh.bash) {
          await sh.msg(`\`${name}': not a valid identifier`);
          status = 1;
          continue;
        }
        return sh.raise(`${name}: bad variable name`);
      }
      const v = sh.vars.lookup(name);
      if (v?.readonly) return sh.raise(`${name}: is read only`);
      sh.vars.unset(name);
    }
    return status;
  },
  { special: true },
);

/** bash: `unset 'a[k]'` (the subscript's $names are expanded; @ or * unsets the whole array). */
async function unsetElement(sh: Shell, name: string, subText: string): Promise<boolean> {
  const v = sh.vars.lookup(name);
  if (subText === "@" || subText === "*") {
    if (v) sh.vars.unset(name);
    return true;
  }
  const text = subText.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, n: string) => sh.getVar(n) ?? "");
  const key = await subscriptKey(sh, v, [{ k: "q", s: text }], false);
  if (key === null) {
    await sh.msg(`[${subText}]: bad array subscript`);
    return false;
  }
  if (!v) return true;
  if (v.readonly) {
    await sh.msg(`${name}: cannot unset: readonly variable`);
    return false;
  }
  if (v.arr) v.arr.delete(key);
  else if (key === "0") sh.vars.unset(name);
  return true;
}

def(
  "local",
  async (sh, argv) => {
    if (!sh.vars.inFunction) return sh.raise("not in a function");
    for (const a of argv.slice(1)) {
      const eq = a.indexOf("=");
      const name = eq < 0 ? a : a.slice(0, eq);
      if (name === "-") continue;
      if (!isName(name)) return sh.raise(`${name}: bad variable name`);
      sh.vars.makeLocal(name);
      if (eq >= 0) await sh.setVar(name, a.slice(eq + 1));
      else {
        const v = sh.vars.lookup(name);
        if (v && !v.readonly) v.value = null;
      }
    }
    return 0;
  },
  { special: true, assign: true },
);
