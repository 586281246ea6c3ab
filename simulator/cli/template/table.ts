/**
 * docker's formatter.Context (cli/command/formatter): how `--format` strings become output.
 *
 *   renderFormat({ format: "table {{.ID}}\t{{.Names}}", rows, header: containerHeader })
 *     -> { ok: true, output: "CONTAINER ID   NAMES\n..." }
 *
 * - "table ..." renders a header row by running the same template over the header map with
 *   docker's header functions (errors there are ignored, as docker does), then aligns header and
 *   rows with docker's tabwriter (minwidth 10, padding 3).
 * - "json" means "{{json .}}"; `\t` and `\n` written literally in the format become tab/newline.
 * - The bare words "table" and "raw", and an empty format, are chosen by each command (defaults)
 *   before calling this.
 */
import { TemplateExecError } from "./exec";
import { HEADER_FUNCS } from "./funcs";
import { parseTemplate, type Template } from "./index";
import { jsonString } from "./json";
import { TemplateParseError } from "./parse";
import { dockerTableWriter } from "./tabwriter";
import { GoValue, T, typeString, type GoType, type MapMethod } from "./value";

export function isTableFormat(format: string): boolean {
  return format.startsWith("table");
}

/** formatter.Context.preFormat: the template text docker actually parses. */
export function prepareFormat(format: string): string {
  let f = format;
  if (isTableFormat(f)) f = f.slice("table".length);
  else if (f === "json") f = "{{json .}}";
  f = f.replace(/^ +| +$/g, "");
  return f.replace(/\\t|\\n/g, (m) => (m === "\\t" ? "\t" : "\n"));
}

/** formatter.SubHeaderContext: the header map, whose Label method turns "com.x.my-key" into "my key". */
export function subHeaderContext(headers: Record<string, string>): GoValue {
  const methods: Record<string, MapMethod> = {
    Label: (_recv: unknown, name: string) => {
      const parts = String(name).split(".");
      return parts[parts.length - 1].replace(/[-_]/g, " ");
    },
  };
  const t: GoType = { kind: "map", key: T.string, elem: T.string, name: "formatter.SubHeaderContext", methods };
  return new GoValue(t, headers);
}

export type RenderResult =
  | { ok: true; output: string }
  | { ok: false; stage: "parse" | "execute"; error: string };

export interface RenderInput {
  format: string;
  rows: unknown[];
  /** Header names by field (e.g. { ID: "CONTAINER ID", Names: "NAMES" }) for table formats. */
  header?: Record<string, string> | GoValue;
}

/** formatter.Context.Write: every row through the template, a header for tables, tab-aligned. */
export function renderFormat(input: RenderInput): RenderResult {
  let tmpl: Template;
  try {
    tmpl = parseTemplate(prepareFormat(input.format));
  } catch (e) {
    if (e instanceof TemplateParseError) return { ok: false, stage: "parse", error: e.message };
    throw e;
  }
  let body = "";
  for (const row of input.rows) {
    const r = tmpl.executePartial(row);
    if (r.error) return { ok: false, stage: "execute", error: r.error.message };
    body += r.output + "\n";
  }
  if (!isTableFormat(input.format)) return { ok: true, output: body };
  const header = input.header instanceof GoValue ? input.header : subHeaderContext(input.header ?? {});
  const head = tmpl.executePartial(header, { funcs: HEADER_FUNCS }).output;
  const w = dockerTableWriter();
  w.write(head);
  w.write("\n");
  w.write(body);
  return { ok: true, output: w.flush() };
}

/**
 * formatter.MarshalJSON for a formatting context (what `{{json .}}` prints for docker ps/images
 * rows): every exported zero-argument method's result, keys sorted, HTML characters escaped
 * (json.Marshal's default). Methods named FullHeader are left out.
 */
export function contextJSON(ctx: Record<string, unknown>): string {
  const keys = Object.keys(ctx)
    .filter((k) => typeof ctx[k] === "function" && (ctx[k] as () => unknown).length === 0)
    .filter((k) => /^[A-Z]/.test(k) && k !== "FullHeader")
    .sort();
  const parts = keys.map((k) => {
    const v = (ctx[k] as () => unknown).call(ctx);
    return jsonString(k, true) + ":" + jsonValue(v);
  });
  return "{" + parts.join(",") + "}";
}

function jsonValue(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return jsonString(v, true);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return jsonString(String(v), true);
}

export { TemplateExecError, typeString };
