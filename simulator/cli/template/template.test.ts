/**
 * Go text/template semantics beyond the recorded fixtures: typed structs and their errors,
 * methods, options, variables, control flow, and robustness against hostile templates.
 */
import { describe, expect, it } from "vitest";
import { GoFloat, parseTemplate, T, TemplateParseError, typed } from "./index";
import { goTime } from "./value";

const run = (tmpl: string, data: unknown, opts = {}) => parseTemplate(tmpl).executePartial(data, opts);
const out = (tmpl: string, data: unknown = {}) => {
  const r = run(tmpl, data);
  if (r.error) throw r.error;
  return r.output;
};
const err = (tmpl: string, data: unknown = {}, opts = {}) => run(tmpl, data, opts).error?.message;

const ContainerContext = T.ptr(T.struct("formatter.ContainerContext", []));
const ctx = typed(ContainerContext, {
  ID: () => "1d83a1de25a0",
  Names: () => "web",
  Label: (name: string) => ({ a: "1" })[name] ?? "",
});

describe("struct contexts (docker ps rows)", () => {
  it("calls methods, with and without arguments", () => {
    expect(out('{{.ID}} {{.Names}} {{.Label "a"}} [{{.Label "b"}}]', ctx)).toBe("1d83a1de25a0 web 1 []");
  });
  it("names the Go type when a field is missing (recorded text)", () => {
    expect(err("{{.Foo}}", ctx)).toBe(
      'template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext',
    );
  });
  it("checks the argument count of methods", () => {
    expect(err("{{.Label}}", ctx)).toBe('template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0');
    expect(err('{{.ID "x"}}', ctx)).toBe('template: :1:2: executing "" at <.ID>: wrong number of args for ID: want 0 got 1');
  });
  it("reports a thrown method error as Go's error result", () => {
    const bad = typed(ContainerContext, { Size: () => { throw new Error("no size"); } });
    expect(err("{{.Size}}", bad)).toBe('template: :1:2: executing "" at <.Size>: error calling Size: no size');
  });
  it("pipes into methods as the last argument", () => {
    expect(out('{{"a" | .Label}}', ctx)).toBe("1");
  });
});

describe("declared struct types", () => {
  const Port = T.struct("types.Port", [
    { name: "IP", type: T.string, omitempty: true },
    { name: "PrivatePort", type: T.named("uint16", "uint16") },
    { name: "PublicPort", type: T.named("uint16", "uint16"), omitempty: true },
    { name: "Type", type: T.string },
  ]);
  const port = typed(Port, { PrivatePort: 80, Type: "tcp" });
  it("prints fields in order, zero values for missing ones", () => {
    expect(out("{{.}}", port)).toBe("{ 80 0 tcp}");
    expect(out('{{printf "%+v" .}}', port)).toBe("{IP: PrivatePort:80 PublicPort:0 Type:tcp}");
  });
  it("marshals with omitempty", () => {
    expect(out("{{json .}}", port)).toBe('{"PrivatePort":80,"Type":"tcp"}');
  });
  it("struct fields are not map keys: unknown ones are errors", () => {
    expect(err("{{.Nope}}", port)).toBe('template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type types.Port');
  });
  it("nil pointers: printed as <nil>, fields through them are errors", () => {
    const S = T.struct("types.S", [{ name: "P", type: T.ptr(Port) }]);
    expect(out("{{.P}}", typed(S, {}))).toBe("<nil>");
    expect(err("{{.P.Type}}", typed(S, {}))).toBe('template: :1:4: executing "" at <.P.Type>: nil pointer evaluating *types.Port.Type');
  });
  it("a top-level pointer prints without &, printf %v shows it", () => {
    const p = typed(T.ptr(Port), { PrivatePort: 1, Type: "udp" });
    expect(out("{{.}}", p)).toBe("{ 1 0 udp}");
    expect(out('{{printf "%v" .}}', p)).toBe("&{ 1 0 udp}");
  });
  it("typed maps: missing keys print <no value>, index gives the zero value", () => {
    const labels = typed(T.map(T.string), { a: "1" });
    expect(out("{{.a}}|{{.b}}|{{index . \"b\"}}|{{len .}}", labels)).toBe("1|<no value>||1");
  });
  it("time.Time values print Go's String and marshal to RFC 3339", () => {
    const t = goTime("2026-11-23T11:25:09.189767233Z");
    expect(out("{{.T}}", { T: t })).toBe("2026-11-23 11:25:09.189767233 +0000 UTC");
    expect(out("{{json .T}}", { T: t })).toBe('"2026-11-23T11:25:09.189767233Z"');
  });
});

describe("values from plain JavaScript", () => {
  it("prints maps sorted, slices, nil, bools, ints and floats as Go does", () => {
    expect(out("{{.}}", { b: 2, a: [1, "x", true, null], c: 1.5 })).toBe("map[a:[1 x true <nil>] b:2 c:1.5]");
    expect(out("{{.F}} {{.G}} {{.H}}", { F: new GoFloat(1982899), G: 1e21, H: 0.000001 })).toBe("1.982899e+06 1e+21 1e-06");
  });
  it("missingkey options", () => {
    expect(out("{{.x}}", {})).toBe("<no value>");
    // zero of interface {} is nil, which the pipeline unwraps to "no value" (as Go does)
    expect(run("{{.x}}", {}, { missingKey: "zero" }).output).toBe("<no value>");
    expect(run("[{{.x}}]", typed(T.map(T.string), {}), { missingKey: "zero" }).output).toBe("[]");
    expect(err("{{.x}}", {}, { missingKey: "error" })).toBe('template: :1:2: executing "" at <.x>: map has no entry for key "x"');
  });
  it("nil data", () => {
    expect(out("{{.x}}", null)).toBe("<no value>");
    expect(err("{{.x}}", null, { missingKey: "error" })).toBe('template: :1:2: executing "" at <.x>: nil data; no entry for key "x"');
  });
});

describe("control flow and variables", () => {
  it("range over maps gives sorted keys; $ is the data", () => {
    expect(out("{{range $k, $v := .}}{{$k}}={{$v}},{{end}}", { z: 1, a: 2 })).toBe("a=2,z=1,");
    expect(out("{{range .L}}{{$.N}}{{.}}{{end}}", { L: [1, 2], N: "n" })).toBe("n1n2");
  });
  it("else if / else with chains", () => {
    const t = "{{if eq .N 1}}one{{else if eq .N 2}}two{{else}}many{{end}}";
    expect([1, 2, 3].map((N) => out(t, { N }))).toEqual(["one", "two", "many"]);
    expect(out("{{with .A}}a{{else with .B}}b={{.}}{{else}}none{{end}}", { A: "", B: "x" })).toBe("b=x");
  });
  it("break and continue", () => {
    expect(out("{{range .}}{{if eq . 3}}{{break}}{{end}}{{if eq . 1}}{{continue}}{{end}}{{.}}{{end}}", [0, 1, 2, 3, 4])).toBe("02");
  });
  it("variables assigned in a range survive the iteration", () => {
    expect(out("{{$n := 0}}{{range .}}{{$n = .}}{{end}}{{$n}}", [5, 6])).toBe("6");
  });
  it("whitespace trimming spans newlines", () => {
    expect(out("a  \n {{- 1 -}} \n\t b")).toBe("a1b");
  });
  it("and/or short-circuit: later arguments are not evaluated", () => {
    expect(out("{{and 0 .X.Y.Z}}", { X: null })).toBe("0");
    expect(out("{{or 1 (index .L 9)}}", { L: [] })).toBe("1");
  });
});

describe("call", () => {
  it("invokes function values from the data", () => {
    expect(out("{{call .F 2 3}}", { F: (a: number, b: number) => a * b })).toBe("6");
    expect(err("{{call .X}}", { X: 1 })).toBe('template: :1:2: executing "" at <call .X>: error calling call: non-function 1 of type int');
  });
});

describe("error positions", () => {
  it("counts lines and bytes (UTF-8); a chain's position is its second field", () => {
    expect(err("é\n  {{.a.b}}", { a: 1 })).toBe('template: :2:6: executing "" at <.a.b>: can\'t evaluate field b in type interface {}');
    expect(err("éé{{.a.b}}", { a: 1 })).toBe('template: :1:8: executing "" at <.a.b>: can\'t evaluate field b in type interface {}');
  });
  it("parse errors carry the line", () => {
    expect(() => parseTemplate("a\nb\n{{end}}")).toThrow(new TemplateParseError("template: :3: unexpected {{end}}"));
  });
});

describe("robustness", () => {
  it("deep recursion ends in Go's depth error, not a crash", () => {
    expect(err('{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}')).toMatch(/exceeded maximum template depth \(100000\)$/);
  });
  it("hostile parse inputs fail cleanly", () => {
    for (const t of ["{{", "{{{{", "}}", "{{(((((((((((", "{{'", '{{"\\', "{{/*", "{{- -}}", "{{.a.}}", "{{$}}{{$$}}", "{{range}}", "\u0000{{.}}"]) {
      try {
        parseTemplate(t).executePartial({});
      } catch (e) {
        expect(e).toBeInstanceOf(TemplateParseError);
      }
    }
  });
  it("long templates parse in linear time", () => {
    const t0 = Date.now();
    const big = "{{- .a -}} x ".repeat(20_000) + "{{" + " ".repeat(200_000) + ".a}}";
    expect(out(big, { a: 1 }).length).toBe(20_000 * 2 + 2);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
  it("big widths and long outputs stay bounded", () => {
    expect(out('{{printf "%*d" 2000000 1}}')).toBe("%!(BADWIDTH)1");
    expect(out('{{printf "%999999d" 1}}').length).toBe(999999);
  });
});
