import { describe, expect, it } from "vitest";
import { encodeProgressCode } from "./code";
import { rollUp } from "./roll-up";

const lessons = [
  { slug: "a", exercises: [{ id: "a/one" }, { id: "a/two" }] },
  { slug: "b", exercises: [{ id: "b/one" }] },
];
const code = (ids: string[]) =>
  encodeProgressCode({ version: 1, exercises: Object.fromEntries(ids.map((id) => [id, { date: "2025-03-01" }])) });

describe("class roll-up", () => {
  it("reads one code per line, with optional names, and counts per lesson", () => {
    const text = `Aiko: ${code(["a/one", "a/two", "b/one"])}\n\n  ${code(["a/two"])}  \r\nBen：${code([])}`;
    const { rows, problems } = rollUp(text, lessons);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.name, r.line, r.lessons.map((l) => `${l.done}/${l.total}`), r.done, r.total])).toEqual([
      ["Aiko", 1, ["2/2", "1/1"], 3, 3],
      [undefined, 3, ["1/2", "0/1"], 1, 3],
      ["Ben", 4, ["0/2", "0/1"], 0, 3],
    ]);
    expect(rows[0]!.lessons.map((l) => l.complete)).toEqual([true, true]);
  });

  it("reports lines it cannot read, by line number and reason", () => {
    const good = code(["a/one"]);
    const { rows, problems } = rollUp(`${good}\nCarl: ${good.slice(0, -1)}${good.endsWith("0") ? "1" : "0"}\nDee: hello!\nEve:`, lessons);
    expect(rows).toHaveLength(1);
    expect(problems).toEqual([
      { line: 2, error: "checksum" },
      { line: 3, error: "characters" },
      { line: 4, error: "empty" },
    ]);
  });

  it("counts passes of exercises the page does not know", () => {
    const { rows } = rollUp(code(["a/one", "z/new"]), lessons);
    expect(rows[0]!.done).toBe(1);
    expect(rows[0]!.unknown).toBe(1);
  });
});
