import { describe, expect, it } from "vitest";
import type { MissReason } from "../../simulator/builder/why";
import { VIEW_TABS, viewsLocale, viewsStrings } from "./strings";

const reasons: MissReason[] = [
  { kind: "first-build" },
  { kind: "no-cache" },
  { kind: "instruction-changed", before: "RUN echo a", after: "RUN echo b" },
  { kind: "files-changed", files: [{ path: "a.txt", change: "modified" }, { path: "b.txt", change: "added" }] },
  { kind: "parent-missed", parent: "[2/3] COPY a.txt /a.txt" },
  { kind: "build-arg-changed", args: [{ name: "V", before: "0", after: null }] },
  { kind: "environment-changed" },
  { kind: "not-in-cache" },
];

describe("view strings", () => {
  it("explain every cache miss in both languages", () => {
    for (const locale of ["en", "ja"] as const) {
      const texts = reasons.map((r) => viewsStrings[locale].missReason(r));
      expect(texts.every((t) => t.length > 5), locale).toBe(true);
      expect(new Set(texts).size).toBe(reasons.length);
    }
    expect(viewsStrings.en.missReason(reasons[3])).toBe("files changed: a.txt (modified), b.txt (added)");
    expect(viewsStrings.ja.missReason(reasons[3])).toBe("ファイルが変わりました: a.txt (変更), b.txt (追加)");
    expect(viewsStrings.en.missReason(reasons[5])).toBe("build argument changed: V 0 → (unset)");
    expect(viewsStrings.en.missReason(null)).toBe("");
  });

  it("name every tab, and pick the language from the page's lang", () => {
    for (const locale of ["en", "ja"] as const) for (const tab of VIEW_TABS) expect(viewsStrings[locale].tabs[tab]).not.toBe("");
    expect(viewsLocale("ja")).toBe("ja");
    expect(viewsLocale("ja-JP")).toBe("ja");
    expect(viewsLocale("en")).toBe("en");
    expect(viewsLocale(null)).toBe("en");
  });

  it("say whiteouts and wasted bytes with the path and the sizes", () => {
    const t = viewsStrings.en;
    expect(t.whiteout(".wh.big", "big", "2.1MB", 1)).toBe("whiteout .wh.big hides /big: 2.1MB in 1 file still stored below");
    expect(t.wasted("big", "2.1MB", "deleted", "layer 3 (RUN rm /big)")).toBe("/big: 2.1MB wasted, deleted by layer 3 (RUN rm /big)");
    expect(t.wasted("f", "5B", "overwritten", "layer 4")).toBe("/f: 5B wasted, replaced by layer 4");
  });
});
