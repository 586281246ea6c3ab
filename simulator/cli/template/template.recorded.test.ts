/**
 * Templates recorded against the real docker CLI (28.2.2 client, 20.10 daemon):
 * `docker inspect -f '<template>' busybox`, replayed through inspectFormat() exactly as docker's
 * TemplateInspector runs them (typed first, raw JSON with missingkey=error as the fallback).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTemplate, TemplateParseError, typed } from "./index";
import { inspectFormat } from "./inspect";
import { goTime } from "./value";
import { imageInspect } from "./testdata/image-inspect-type";

interface Case {
  template: string;
  stdout: string;
  stderr: string;
  exit: number;
}
const dir = new URL("./testdata/", import.meta.url);
const fixture = JSON.parse(readFileSync(new URL("inspect-busybox.cases.json", dir), "utf8")) as { cases: Case[] };
const rawText = readFileSync(new URL("busybox-image-inspect.json", dir), "utf8");
const raw = JSON.parse(rawText);
raw.Metadata.LastTagTime = goTime(raw.Metadata.LastTagTime);
const image = typed(imageInspect, raw);

/** What `docker inspect -f` prints for one element: stdout, stderr, exit code. */
function dockerInspect(template: string): Case {
  let tmpl;
  try {
    tmpl = parseTemplate(template);
  } catch (e) {
    if (e instanceof TemplateParseError) return { template, stdout: "", stderr: `template parsing error: ${e.message}\n`, exit: 64 };
    throw e;
  }
  const r = inspectFormat(tmpl, image, rawText);
  if (r.ok) return { template, stdout: r.output + "\n", stderr: "", exit: 0 };
  return { template, stdout: "\n", stderr: `template parsing error: ${r.error}\n`, exit: 1 };
}

describe("docker inspect -f over busybox (recorded)", () => {
  it("has at least 120 recorded cases", () => expect(fixture.cases.length).toBeGreaterThanOrEqual(120));
  for (const c of fixture.cases) {
    it(c.template, () => {
      expect(dockerInspect(c.template)).toEqual(c);
    });
  }
});
