import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTemplate, T, typed } from "./index";
import { contextJSON, prepareFormat, renderFormat, subHeaderContext } from "./table";
import { alignTable, displayWidth } from "./tabwriter";

/** `docker ps -a --format ...` recorded over five containers (see testdata/ps-format.cases.json). */
const fixture = JSON.parse(readFileSync(new URL("./testdata/ps-format.cases.json", import.meta.url), "utf8")) as {
  rows: Record<string, string | null>[];
  cases: { format: string; stdout: string; stderr: string; exit: number }[];
};

/** The header names docker's NewContainerContext declares. */
const containerHeader = {
  ID: "CONTAINER ID",
  Names: "NAMES",
  Image: "IMAGE",
  Command: "COMMAND",
  CreatedAt: "CREATED AT",
  RunningFor: "CREATED",
  Ports: "PORTS",
  State: "STATE",
  Status: "STATUS",
  Size: "SIZE",
  Labels: "LABELS",
  Mounts: "MOUNTS",
  LocalVolumes: "LOCAL VOLUMES",
  Networks: "NETWORKS",
  Platform: "PLATFORM",
};

const ContainerContext = T.ptr(T.struct("formatter.ContainerContext", []));

/** A stand-in for formatter.ContainerContext built from a recorded `{{json .}}` row. */
function containerContext(row: Record<string, string | null>, withSize: boolean) {
  const labels = Object.fromEntries(
    String(row.Labels ?? "")
      .split(",")
      .filter(Boolean)
      .map((kv) => kv.split("=") as [string, string]),
  );
  const ctx: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) ctx[k] = () => (k === "Size" && !withSize ? "0B" : v);
  ctx.Label = (name: string) => labels[name] ?? "";
  return typed(ContainerContext, ctx);
}

/**
 * docker ps first checks the --format string exactly as typed ("table " prefix and literal \t
 * included, so error columns count them) by parsing it and running it on an empty context.
 */
function dockerPs(format: string) {
  const withSize = format.includes(".Size");
  try {
    const check = parseTemplate(format).executePartial(containerContext(Object.fromEntries(Object.keys(fixture.rows[0]).map((k) => [k, ""])), false));
    if (check.error) return { stdout: "", stderr: "failed to execute template: " + check.error.message + "\n", exit: 1 };
  } catch (e) {
    return { stdout: "", stderr: "failed to parse template: " + (e as Error).message + "\n", exit: 1 };
  }
  const r = renderFormat({ format, rows: fixture.rows.map((row) => containerContext(row, withSize)), header: containerHeader });
  if (r.ok) return { stdout: r.output, stderr: "", exit: 0 };
  const prefix = r.stage === "parse" ? "failed to parse template: " : "failed to execute template: ";
  return { stdout: "", stderr: prefix + r.error + "\n", exit: 1 };
}

describe("docker ps --format (recorded)", () => {
  const commandLevel = new Set(["table", "raw", "json"]); // chosen by the ps command itself
  for (const c of fixture.cases.filter((c) => !commandLevel.has(c.format))) {
    it(c.format, () => expect(dockerPs(c.format)).toEqual({ stdout: c.stdout, stderr: c.stderr, exit: c.exit }));
  }
  it("`json` is {{json .}} over the context's MarshalJSON (HTML-escaped, keys sorted)", () => {
    const row = fixture.rows[0];
    const ctx: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row)) ctx[k] = () => (k === "Size" ? "0B" : v);
    ctx.Label = (n: string) => n;
    ctx.FullHeader = () => containerHeader;
    const expected = fixture.cases.find((c) => c.format === "json")!.stdout.split("\n")[0];
    expect(contextJSON(ctx)).toBe(expected);
  });
});

describe("prepareFormat", () => {
  it.each([
    ["table {{.ID}}\\t{{.Names}}", "{{.ID}}\t{{.Names}}"],
    ["json", "{{json .}}"],
    ["  {{.Names}}  ", "{{.Names}}"],
    ["{{.A}}\\n{{.B}}", "{{.A}}\n{{.B}}"],
    ["table", ""],
  ])("%j -> %j", (f, want) => expect(prepareFormat(f)).toBe(want));
});

describe("header context", () => {
  it("Label names a column after the last dot-separated part, - and _ as spaces", () => {
    const r = renderFormat({ format: 'table {{.Label "com.example.my-key_x"}}', rows: [], header: {} });
    expect(r).toEqual({ ok: true, output: "my key x\n" });
  });
  it("unknown header keys print <no value> (a map, not a struct)", () => {
    expect(renderFormat({ format: "table {{.Nope}}", rows: [], header: {} })).toEqual({ ok: true, output: "<no value>\n" });
  });
  it("is the named map type formatter.SubHeaderContext", () => {
    expect(subHeaderContext({}).t).toMatchObject({ name: "formatter.SubHeaderContext" });
  });
});

describe("docker images tables (recorded)", () => {
  it("default images table", () => {
    const text = "REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\nbusybox\tlatest\t14b8dde91116\t24 minutes ago\t1.98MB\n";
    expect(alignTable(text)).toBe(
      "REPOSITORY   TAG       IMAGE ID       CREATED          SIZE\n" +
        "busybox      latest    14b8dde91116   24 minutes ago   1.98MB\n",
    );
  });
  it("the last column is not padded and has no trailing newline without one", () => {
    expect(alignTable("REPOSITORY\tTAG\nbusybox\tlatest")).toBe("REPOSITORY   TAG\nbusybox      latest");
  });
});

describe("tabwriter (Go text/tabwriter with docker's settings)", () => {
  it("pads every column to max(width+3, 10)", () => {
    expect(alignTable("a\tb\tc\n")).toBe("a         b         c\n");
    expect(alignTable("abcdefgh\tb\n")).toBe("abcdefgh   b\n");
  });
  it("a line without tabs ends a column block", () => {
    expect(alignTable("aaaaaaaaaaaaaa\tb\nx\nc\td\n")).toBe("aaaaaaaaaaaaaa   b\nx\nc         d\n");
  });
  it("empty cells are padded", () => {
    expect(alignTable("\tb\n\t\n")).toBe("          b\n          \n");
  });
  it("counts East Asian wide characters as two columns", () => {
    expect(displayWidth("名前")).toBe(4);
    expect(alignTable("名前名前名前\tx\nab\ty\n")).toBe("名前名前名前   x\nab             y\n");
  });
  it("\\f flushes and restarts column widths", () => {
    expect(alignTable("aaaaaaaaaaaaaa\tb\fc\td\n")).toBe("aaaaaaaaaaaaaa   b\nc         d\n");
  });
});
