import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  familiarName,
  familiarString,
  parse,
  parseAnyReference,
  parseNormalizedNamed,
  referenceString,
  tagNameOnly,
  tagParseErrorText,
  withTag,
  type RefResult,
} from "./reference";

interface Outcome {
  exit: number;
  stderr: string;
}
interface Case {
  ref: string;
  tag: Outcome;
  run?: Outcome;
  create?: Outcome;
  untagged?: string;
  rmi?: Outcome;
}
/** Recorded with the real CLI (see "recorded" in the file). */
const fixture = JSON.parse(readFileSync(new URL("./reference.cases.json", import.meta.url), "utf8")) as { cases: Case[] };

const get = (r: RefResult) => {
  if (!r.ok) throw new Error(r.error);
  return r.ref;
};
const clientError = (tagStderr: string) => /^Error parsing reference: /.test(tagStderr);

describe("parseNormalizedNamed against docker tag / run / create (recorded)", () => {
  it("has at least 60 recorded references", () => expect(fixture.cases.length + extra.length).toBeGreaterThanOrEqual(60));
  for (const c of fixture.cases) {
    it(JSON.stringify(c.ref.length > 60 ? `${c.ref.slice(0, 20)}…(${c.ref.length})` : c.ref), () => {
      const r = parseNormalizedNamed(c.ref);
      if (clientError(c.tag.stderr)) {
        expect(r.ok).toBe(false);
        if (r.ok) return;
        // docker tag: exit 1 with its own prefix
        expect(tagParseErrorText(c.ref, r.error) + "\n").toBe(c.tag.stderr);
        // docker run: "docker: <err>" plus the hint, exit 125; docker create: the bare error, exit 1
        if (/^[a-f0-9]{64}$/.test(c.ref)) {
          // run/create look a 64-hex argument up as an image ID (ParseAnyReference)
          expect(parseAnyReference(c.ref)).toEqual({ ok: true, ref: { domain: "", path: "", digest: `sha256:${c.ref}` } });
          expect(c.run?.stderr).toContain(`No such image: sha256:${c.ref}`);
        } else if (c.run && !c.ref.startsWith("-")) {
          expect(c.run).toEqual({ exit: 125, stderr: `docker: ${r.error}\n\nRun 'docker run --help' for more information\n` });
          expect(c.create).toEqual({ exit: 1, stderr: r.error + "\n" });
        }
      } else if (c.ref.startsWith("-")) {
        expect(r.ok).toBe(false);
      } else {
        // the client accepted it (the 20.10 daemon may still refuse it: see the daemon texts)
        expect(r).toMatchObject({ ok: true });
        if (c.untagged?.endsWith("\n")) {
          expect(`Untagged: ${familiarString(tagNameOnly(get(r)))}\n`).toBe(c.untagged);
        }
      }
    });
  }
});

/** More `docker tag busybox REF` outcomes recorded with the real CLI ("" = accepted by the client). */
const H = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const extra: [string, string][] = [
  [`busybox@sha256:${H.slice(1)}`, "invalid checksum digest length"],
  [`busybox@sha256:${H.toUpperCase()}`, "invalid checksum digest format"],
  [`busybox@sha384:${H}`, "invalid checksum digest length"],
  [`busybox@sha384:${H}${H.slice(0, 32)}`, ""],
  [`busybox@foo+bar:${H}`, "unsupported digest algorithm"],
  [`busybox@Sha256:${H}`, "invalid reference format: repository name (library/busybox@Sha256) must be lowercase"],
  ["a".repeat(237), ""],
  ["a".repeat(238), ""], // the client limits the path (library/…) to 255; the 20.10 daemon refuses it
  ["a".repeat(248), "repository name must not be more than 255 characters"],
  [`foo:${"t".repeat(128)}`, ""],
  [`foo:${"t".repeat(129)}`, "invalid reference format"],
  ["docker.io/Foo", "invalid reference format: repository name (library/Foo) must be lowercase"],
  ["a:5000", ""],
  ["a:5000/b", ""],
  ["a_b/c", ""],
  ["a.b", ""],
  ["foo/bar:v1.0-rc_1", ""],
  ["xn--bcher-kva.example/pkg", ""],
  ["-foo.com/bar", "invalid reference format"],
  ["foo-.com/bar", "invalid reference format"],
  [H.slice(0, 12), ""],
];

describe("more recorded docker tag targets", () => {
  it.each(extra)("%s", (ref, error) => {
    const r = parseNormalizedNamed(ref);
    if (error) expect(r).toEqual({ ok: false, error });
    else expect(r.ok).toBe(true);
  });
});

describe("normalisation and familiar forms", () => {
  it.each([
    ["busybox", "docker.io/library/busybox", "busybox", "busybox:latest"],
    ["library/busybox", "docker.io/library/busybox", "busybox", "busybox:latest"],
    ["docker.io/busybox", "docker.io/library/busybox", "busybox", "busybox:latest"],
    ["index.docker.io/busybox", "docker.io/library/busybox", "busybox", "busybox:latest"],
    ["user/app:1.0", "docker.io/user/app:1.0", "user/app", "user/app:1.0"],
    ["docker.io/library/a/b", "docker.io/library/a/b", "library/a/b", "library/a/b:latest"],
    ["localhost/foo", "localhost/foo", "localhost/foo", "localhost/foo:latest"],
    ["localhost:5000/foo/bar:v1", "localhost:5000/foo/bar:v1", "localhost:5000/foo/bar", "localhost:5000/foo/bar:v1"],
    ["Example.com/foo", "Example.com/foo", "Example.com/foo", "Example.com/foo:latest"],
    ["[::1]:5000/foo", "[::1]:5000/foo", "[::1]:5000/foo", "[::1]:5000/foo:latest"],
    [`busybox@sha256:${H}`, `docker.io/library/busybox@sha256:${H}`, "busybox", `busybox@sha256:${H}`],
    [`busybox:1@sha256:${H}`, `docker.io/library/busybox:1@sha256:${H}`, "busybox", `busybox:1@sha256:${H}`],
  ])("%s", (input, full, name, tagged) => {
    const r = get(parseNormalizedNamed(input));
    expect(referenceString(r)).toBe(full);
    expect(familiarName(r)).toBe(name);
    expect(familiarString(tagNameOnly(r))).toBe(tagged);
  });
  it("splits domain, path, tag and digest", () => {
    expect(get(parseNormalizedNamed(`localhost:5000/a/b:t@sha256:${H}`))).toEqual({
      domain: "localhost:5000",
      path: "a/b",
      tag: "t",
      digest: `sha256:${H}`,
    });
  });
});

describe("parse, parseAnyReference, withTag", () => {
  it("parse keeps names as written and reports uppercase separately", () => {
    expect(get(parse("busybox"))).toEqual({ domain: "", path: "busybox" });
    expect(parse("Busybox")).toEqual({ ok: false, error: "repository name must be lowercase" });
    expect(parse("")).toEqual({ ok: false, error: "repository name must have at least one component" });
  });
  it("a 64-hex ID is a digest reference for ParseAnyReference, an error for names", () => {
    expect(get(parseAnyReference(H))).toEqual({ domain: "", path: "", digest: `sha256:${H}` });
    expect(get(parseAnyReference(`sha256:${H}`))).toEqual({ domain: "", path: "", digest: `sha256:${H}` });
    expect(familiarString(get(parseAnyReference(H)))).toBe(`sha256:${H}`);
    expect(parseNormalizedNamed(H)).toEqual({ ok: false, error: `invalid repository name (${H}), cannot specify 64-byte hexadecimal strings` });
    expect(get(parseAnyReference("busybox"))).toEqual({ domain: "docker.io", path: "library/busybox" });
  });
  it("withTag checks the tag", () => {
    const r = get(parseNormalizedNamed("busybox"));
    expect(withTag(r, "-x")).toEqual({ ok: false, error: "invalid tag format" });
    expect(familiarString(get(withTag(r, "v2")))).toBe("busybox:v2");
  });
  it("never throws or hangs on hostile input", () => {
    for (const s of ["a".repeat(100_000), "a/".repeat(5000) + "b", ":".repeat(1000), "\u0000", "@@@", "a:b@c:d"]) {
      expect(() => parseAnyReference(s)).not.toThrow();
    }
  });
});
