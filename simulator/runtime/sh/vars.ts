/** Shell variables: values, export and readonly flags, and function-local scopes. */
import type { ShArray } from "./arrays";
import { MAX_VALUE, OutOfMemory } from "./errors";

export interface Var {
  /** null: declared (exported or readonly) but unset. */
  value: string | null;
  exported: boolean;
  readonly: boolean;
  /** bash: the variable is an array (its scalar value is element 0). */
  arr?: ShArray;
}

/** A copy of a variable that shares nothing with it. */
export function copyVar(v: Var): Var {
  return v.arr ? { ...v, arr: v.arr.clone() } : { ...v };
}

/** Raised when assigning to or unsetting a readonly variable ("x: is read only"). */
export class ReadonlyError extends Error {
  constructor(readonly varName: string) {
    super(`${varName}: is read only`);
    this.name = "ReadonlyError";
  }
}

export const isName = (s: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);

export class Vars {
  map = new Map<string, Var>();
  /** Saved variables of each active function scope (undefined: did not exist). */
  private scopes: Array<Map<string, Var | undefined>> = [];
  /** set -a: export every assignment. */
  allexport = false;
  /** Called after a variable changes (PATH, OPTIND, ...). */
  onChange: ((name: string) => void) | null = null;

  get(name: string): string | undefined {
    const v = this.map.get(name);
    if (v?.arr) return v.arr.get("0");
    return v && v.value !== null ? v.value : undefined;
  }

  lookup(name: string): Var | undefined {
    return this.map.get(name);
  }

  set(name: string, value: string, opts: { export?: boolean; readonly?: boolean } = {}): void {
    if (value.length > MAX_VALUE) throw new OutOfMemory();
    const v = this.map.get(name);
    if (v?.readonly) throw new ReadonlyError(name);
    if (v?.arr) v.arr.set("0", value);
    else if (v) v.value = value;
    if (v) {
      if (opts.export || this.allexport) v.exported = true;
      if (opts.readonly) v.readonly = true;
    } else {
      this.map.set(name, { value, exported: !!opts.export || this.allexport, readonly: !!opts.readonly });
    }
    this.onChange?.(name);
  }

  /** `export name` / `readonly name` without a value. */
  flag(name: string, f: "exported" | "readonly"): void {
    const v = this.map.get(name);
    if (v) v[f] = true;
    else this.map.set(name, { value: null, exported: f === "exported", readonly: f === "readonly" });
  }

  unset(name: string): void {
    const v = this.map.get(name);
    if (!v) return;
    if (v.readonly) throw new ReadonlyError(name);
    if (this.scopes.length && this.scopes[this.scopes.length - 1].has(name)) {
      // a local stays declared in its function until the function returns
      v.value = null;
      v.exported = false;
      delete v.arr;
    } else this.map.delete(name);
    this.onChange?.(name);
  }

  /** Exported variables with values, for a child's environment. */
  environ(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of this.map) if (v.exported && v.value !== null && !v.arr) env[k] = v.value;
    return env;
  }

  pushScope(): void {
    this.scopes.push(new Map());
  }

  popScope(): void {
    const saved = this.scopes.pop();
    if (!saved) return;
    for (const [name, old] of saved) {
      if (old === undefined) this.map.delete(name);
      else this.map.set(name, old);
      this.onChange?.(name);
    }
  }

  get inFunction(): boolean {
    return this.scopes.length > 0;
  }

  /** `local name[=value]`: remember the current state, to be restored when the scope ends. */
  makeLocal(name: string): void {
    const scope = this.scopes[this.scopes.length - 1];
    if (!scope || scope.has(name)) return;
    const cur = this.map.get(name);
    scope.set(name, cur ? copyVar(cur) : undefined);
    if (cur) this.map.set(name, copyVar(cur));
  }

  /** Temporary assignments for one command (VAR=x cmd): restored afterwards. */
  withTemp(): { save(name: string): void; restore(): void } {
    const saved = new Map<string, Var | undefined>();
    return {
      save: (name) => {
        if (saved.has(name)) return;
        const cur = this.map.get(name);
        saved.set(name, cur ? copyVar(cur) : undefined);
      },
      restore: () => {
        for (const [name, old] of saved) {
          if (old === undefined) this.map.delete(name);
          else this.map.set(name, old);
          this.onChange?.(name);
        }
      },
    };
  }

  /** An independent copy for a subshell. */
  clone(): Vars {
    const c = new Vars();
    for (const [k, v] of this.map) c.map.set(k, copyVar(v));
    c.scopes = this.scopes.map((m) => new Map([...m].map(([k, v]) => [k, v ? copyVar(v) : undefined])));
    c.allexport = this.allexport;
    return c;
  }
}
