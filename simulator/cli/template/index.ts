/**
 * Go text/template as the docker CLI uses it for --format.
 *
 *   const t = parseTemplate("{{.Name}} {{json .Labels}}");  // throws TemplateParseError
 *   t.execute(data)                                         // throws TemplateExecError
 *
 * Data is plain JavaScript (typed like JSON decoded into Go's `any`) or GoValues built with
 * `typed(T.struct(...), obj)` when Go struct semantics and type names matter. Error messages are
 * Go's, e.g. `template: :1: unclosed action` and
 * `template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"`.
 */
import { State, TemplateExecError, type ExecContext, type MissingKey } from "./exec";
import { BUILTINS, DOCKER_FUNCS, HEADER_FUNCS, type FuncDef } from "./funcs";
import { parseTemplates, TemplateParseError, type Tree } from "./parse";
import { fromJS } from "./value";

export { TemplateExecError, TemplateParseError, type FuncDef, type MissingKey };
export { GoFloat, GoValue, T, typed, GO_TYPE, type GoType, type FieldDef, type FuncType } from "./value";
export { sprintf, sprint, sprintln } from "./fmt";
export { encodeJSON } from "./json";
export { alignTable, dockerTableWriter, displayWidth, TabWriter } from "./tabwriter";

export interface ExecuteOptions {
  /** Go's Option("missingkey=..."): default prints "<no value>"; docker inspect's fallback uses "error". */
  missingKey?: MissingKey;
  /** Functions replacing the parsed ones by name (as tmpl.Funcs(...) does), e.g. HEADER_FUNCS. */
  funcs?: Record<string, FuncDef>;
}

export class Template {
  constructor(
    readonly name: string,
    readonly trees: Map<string, Tree>,
    readonly funcs: Map<string, FuncDef>,
  ) {}

  /** Executes the template on `data`; returns the output or throws TemplateExecError. */
  execute(data: unknown, opts: ExecuteOptions = {}): string {
    return this.executePartial(data, opts).output;
  }

  /** Like execute, but returns the partial output and the error instead of throwing. */
  executePartial(data: unknown, opts: ExecuteOptions = {}): { output: string; error: TemplateExecError | null } {
    const funcs = new Map(this.funcs);
    for (const [k, f] of Object.entries(opts.funcs ?? {})) funcs.set(k, f);
    const ctx: ExecContext = { trees: this.trees, funcs, missingKey: opts.missingKey ?? "default" };
    const tree = this.trees.get(this.name);
    const dot = fromJS(data);
    if (!tree) return { output: "", error: new TemplateExecError(`template: ${JSON.stringify(this.name)} is an incomplete or empty template`) };
    const state = new State(ctx, tree, dot);
    try {
      state.walk(dot, tree.root);
      return { output: state.out, error: null };
    } catch (e) {
      if (e instanceof TemplateExecError) return { output: state.out, error: e };
      if (typeof e === "symbol") return { output: state.out, error: new TemplateExecError("template: break or continue outside range") };
      throw e;
    }
  }
}

/** Parses a template with Go's builtins plus `extraFuncs`. Throws TemplateParseError. */
export function parseTemplate(text: string, extraFuncs: Record<string, FuncDef> = DOCKER_FUNCS, name = ""): Template {
  const funcs = new Map<string, FuncDef>(Object.entries(BUILTINS));
  for (const [k, f] of Object.entries(extraFuncs)) funcs.set(k, f);
  const trees = parseTemplates(name, text, (n) => funcs.has(n));
  return new Template(name, trees, funcs);
}

export { BUILTINS, DOCKER_FUNCS, HEADER_FUNCS };
