import { describe, expect, it } from "vitest";
import { allExercises } from "../../content/exercises";
import { codeTable } from "./code-table";
import { dayNumber, dayString, decodeProgressCode, encodeProgressCode, idHash } from "./code";
import { exerciseIdPattern, type ProgressV1 } from "./schema";

const table = ["first-container/run", "first-container/ps", "namespaces/pid", "namespaces/uts", "cgroups/oom"];
const progress = (entries: Record<string, string>): ProgressV1 => ({
  version: 1,
  exercises: Object.fromEntries(Object.entries(entries).map(([id, date]) => [id, { date }])),
});

describe("progress codes", () => {
  it("round-trip passes and days", () => {
    const p = progress({ "first-container/run": "2025-03-01", "namespaces/uts": "2025-03-09", "cgroups/oom": "2025-04-20" });
    const code = encodeProgressCode(p, table);
    expect(code).toMatch(/^[0-9A-Z]{1,4}(-[0-9A-Z]{1,4})*$/);
    expect(decodeProgressCode(code, [], table)).toEqual({ ok: true, progress: p, unknown: 0, newer: false });
  });

  it("encode empty progress too", () => {
    const code = encodeProgressCode(progress({}), table);
    expect(decodeProgressCode(code, [], table)).toEqual({ ok: true, progress: progress({}), unknown: 0, newer: false });
  });

  it("are short: a forty-exercise course done over forty days fits in 45 characters", () => {
    const ids = Array.from({ length: 40 }, (_, i) => `lesson-${i >> 2}/exercise-${i}`);
    const p = progress(Object.fromEntries(ids.map((id, i) => [id, dayString(dayNumber("2025-03-01") + i)])));
    const code = encodeProgressCode(p, ids).replaceAll("-", "");
    expect(code.length).toBeLessThanOrEqual(45);
    expect(decodeProgressCode(code, [], ids)).toMatchObject({ ok: true, progress: p });
  });

  it("are read case-insensitively, with I, L, O, spaces and hyphens forgiven", () => {
    const p = progress({ "namespaces/pid": "2025-03-01" });
    const code = encodeProgressCode(p, table);
    const sloppy = ` ${code.toLowerCase().replaceAll("-", " ").replaceAll("0", "o").replaceAll("1", "l")} `;
    expect(decodeProgressCode(sloppy, [], table)).toMatchObject({ ok: true, progress: p });
  });

  it("detect every single mistyped character and swapped neighbours", () => {
    const p = progress({ "first-container/ps": "2025-03-01", "cgroups/oom": "2025-03-02", "volumes/named": "2025-03-05" });
    const code = encodeProgressCode(p, table).replaceAll("-", "");
    const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let variants = 0;
    for (let i = 0; i < code.length; i++) {
      for (const ch of alphabet) {
        if (ch === code[i]) continue;
        variants++;
        const typo = code.slice(0, i) + ch + code.slice(i + 1);
        expect(decodeProgressCode(typo, [], table).ok, typo).toBe(false);
      }
      if (i + 1 < code.length && code[i] !== code[i + 1]) {
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        expect(decodeProgressCode(swapped, [], table)).toEqual({ ok: false, error: "checksum" });
      }
    }
    expect(variants).toBeGreaterThan(100);
    expect(decodeProgressCode(code.slice(0, -1), [], table).ok).toBe(false);
    expect(decodeProgressCode(code + "0", [], table).ok).toBe(false);
  });

  it("explain what is wrong with input that is not a code", () => {
    expect(decodeProgressCode("", [], table)).toEqual({ ok: false, error: "empty" });
    expect(decodeProgressCode("AB!C", [], table)).toEqual({ ok: false, error: "characters" });
    expect(decodeProgressCode("UUUU", [], table)).toEqual({ ok: false, error: "characters" });
    expect(decodeProgressCode("ABCD-EFGH", [], table)).toEqual({ ok: false, error: "checksum" });
  });

  it("carry exercises missing from the table by hash, found through the course's ids", () => {
    const p = progress({ "namespaces/pid": "2025-03-01", "volumes/named": "2025-03-03", "compose/up": "2025-03-04" });
    const code = encodeProgressCode(p, table);
    expect(decodeProgressCode(code, ["volumes/named", "compose/up"], table)).toEqual({ ok: true, progress: p, unknown: 0, newer: false });
    // A page that does not know one of them counts it as unknown and keeps the rest.
    expect(decodeProgressCode(code, ["volumes/named"], table)).toEqual({
      ok: true,
      progress: progress({ "namespaces/pid": "2025-03-01", "volumes/named": "2025-03-03" }),
      unknown: 1,
      newer: false,
    });
  });

  it("survive exercises being added: old codes read the same, newer codes say so", () => {
    const p = progress({ "first-container/run": "2025-03-01", "namespaces/uts": "2025-03-02" });
    const oldCode = encodeProgressCode(p, table);
    const grown = [...table, "volumes/named", "volumes/bind"];
    expect(decodeProgressCode(oldCode, [], grown)).toEqual({ ok: true, progress: p, unknown: 0, newer: false });

    const newer = progress({ "first-container/run": "2025-03-01", "volumes/bind": "2025-03-05" });
    const newCode = encodeProgressCode(newer, grown);
    expect(decodeProgressCode(newCode, [], table)).toEqual({
      ok: true,
      progress: progress({ "first-container/run": "2025-03-01" }),
      unknown: 1,
      newer: true,
    });
  });

  it("keep days exact across years and months", () => {
    for (const date of ["2024-01-01", "2024-02-29", "2025-12-31", "2031-07-15"]) {
      expect(dayString(dayNumber(date))).toBe(date);
    }
  });
});

describe("the code table", () => {
  it("holds well-formed, distinct exercise ids", () => {
    expect(new Set(codeTable).size).toBe(codeTable.length);
    for (const id of codeTable) expect(id).toMatch(exerciseIdPattern);
  });

  it("gives every exercise of the course a distinct hash (for exercises not in the table yet)", () => {
    const ids = [...new Set([...codeTable, ...allExercises.map((e) => e.id)])];
    expect(new Set(ids.map(idHash)).size).toBe(ids.length);
  });
});

describe("appending to the code table", () => {
  it("adds ids at the end and keeps everything before", async () => {
    const { appendToCodeTable } = await import("./code-table-file");
    const source = 'export const codeTable: readonly string[] = [\n  "a/one",\n];\n';
    expect(appendToCodeTable(source, ["b/two", "c/three"])).toBe(
      'export const codeTable: readonly string[] = [\n  "a/one",\n  "b/two",\n  "c/three",\n];\n',
    );
  });
});
