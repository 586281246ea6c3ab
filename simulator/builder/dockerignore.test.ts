import { describe, expect, it } from "vitest";
import { compilePatterns, isExcluded, readDockerignore } from "./dockerignore";

describe(".dockerignore", () => {
  const p = compilePatterns(readDockerignore("# c\n*.log\n!keep.log\nsecret/\n**/*.tmp\n/abs.txt\n"));
  it("matches files, parent directories, ** and exceptions; the last match wins", () => {
    expect(isExcluded("debug.log", p)).toBe(true);
    expect(isExcluded("keep.log", p)).toBe(false);
    expect(isExcluded("sub/debug.log", p)).toBe(false);
    expect(isExcluded("secret/key", p)).toBe(true);
    expect(isExcluded("deep/a/b.tmp", p)).toBe(true);
    expect(isExcluded("b.tmp", p)).toBe(true);
    expect(isExcluded("abs.txt", p)).toBe(true);
    expect(isExcluded("app.txt", p)).toBe(false);
  });
});
