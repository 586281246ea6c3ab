/**
 * `docker inspect --format` semantics (docker/cli cli/command/inspect TemplateInspector): the
 * template runs on the typed element first; if that fails, it runs again on the raw JSON decoded
 * into Go's `any` (numbers kept as json.Number) with missingkey=error, and that attempt's error
 * is the one reported.
 *
 *   const r = inspectFormat(parseTemplate(fmt), typedImage, rawJSONText);
 *   r.ok ? r.output : r.error   // error text without the "template parsing error: " prefix
 */
import { TemplateExecError } from "./exec";
import type { Template } from "./index";
import { GoValue, T } from "./value";

export type InspectResult = { ok: true; output: string } | { ok: false; error: string };

export function inspectFormat(tmpl: Template, typed: unknown, rawJSON: string | null): InspectResult {
  const first = tmpl.executePartial(typed);
  if (!first.error) return { ok: true, output: first.output };
  if (rawJSON === null) return { ok: false, error: first.error.message };
  let raw: GoValue | null;
  try {
    raw = decodeRawJSON(rawJSON);
  } catch (e) {
    return { ok: false, error: `unable to read inspect data: ${e instanceof Error ? e.message : String(e)}` };
  }
  const second = tmpl.executePartial(raw, { missingKey: "error" });
  if (second.error) return { ok: false, error: second.error.message };
  return { ok: true, output: second.output };
}

/**
 * Decodes JSON as Go's json.Decoder with UseNumber into `any`: objects become
 * map[string]interface {}, arrays []interface {}, numbers json.Number (their text kept).
 */
export function decodeRawJSON(text: string): GoValue | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\r\n".includes(text[i])) i++;
  };
  const fail = (): never => {
    throw new TemplateExecError(`invalid character at offset ${i}`);
  };
  const value = (): GoValue | null => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === "}") {
        i++;
        return new GoValue(T.map(T.any), obj);
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        const k = str();
        ws();
        if (text[i++] !== ":") fail();
        obj[k] = value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i++] !== "}") fail();
        return new GoValue(T.map(T.any), obj);
      }
    }
    if (c === "[") {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === "]") {
        i++;
        return new GoValue(T.slice(T.any), arr);
      }
      for (;;) {
        arr.push(value());
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i++] !== "]") fail();
        return new GoValue(T.slice(T.any), arr);
      }
    }
    if (c === '"') return new GoValue(T.string, str());
    if (text.startsWith("true", i)) {
      i += 4;
      return new GoValue(T.bool, true);
    }
    if (text.startsWith("false", i)) {
      i += 5;
      return new GoValue(T.bool, false);
    }
    if (text.startsWith("null", i)) {
      i += 4;
      return null;
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail();
    i += m![0].length;
    return new GoValue(T.jsonNumber, m![0]);
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    if (i >= text.length) fail();
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const v = value();
  ws();
  if (i !== text.length) fail();
  return v;
}
