import { describe, expect, it } from "vitest";
import { inlinePlain, inlineSegments } from "./inline";

describe("inline code in exercise texts", () => {
  it("splits plain text and code spans", () => {
    expect(inlineSegments("Run `docker ps -a` and find `web`.")).toEqual([
      { code: false, text: "Run " },
      { code: true, text: "docker ps -a" },
      { code: false, text: " and find " },
      { code: true, text: "web" },
      { code: false, text: "." },
    ]);
  });

  it("keeps text without backticks whole", () => {
    expect(inlineSegments("Start a container.")).toEqual([{ code: false, text: "Start a container." }]);
    expect(inlineSegments("")).toEqual([]);
  });

  it("pairs runs of the same length, so code can hold a backtick", () => {
    expect(inlineSegments("Type `` echo `date` `` here")).toEqual([
      { code: false, text: "Type " },
      { code: true, text: "echo `date`" },
      { code: false, text: " here" },
    ]);
  });

  it("leaves an unmatched backtick as text", () => {
    expect(inlineSegments("a `` b `c`")).toEqual([
      { code: false, text: "a `` b " },
      { code: true, text: "c" },
    ]);
    expect(inlineSegments("it`s")).toEqual([{ code: false, text: "it`s" }]);
  });

  it("keeps markup characters as text (the component renders text, never HTML)", () => {
    expect(inlineSegments("`<b>` & `a && b`")).toEqual([
      { code: true, text: "<b>" },
      { code: false, text: " & " },
      { code: true, text: "a && b" },
    ]);
  });

  it("gives the plain text for labels", () => {
    expect(inlinePlain("Remove `web` now")).toBe("Remove web now");
  });
});
