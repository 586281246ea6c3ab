// od against output recorded from the lab image's BusyBox (testdata/od.recorded.txt: "$ <line>",
// its output with stderr merged, then "[<exit status>]").
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createHost } from "../../host/host";

const text = readFileSync(join(import.meta.dirname, "testdata", "od.recorded.txt"), "utf8");
const cases = [...text.matchAll(/^\$ (.*)\n([\s\S]*?)\[(\d+)\]\n/gm)].map((m) => ({ line: m[1], out: m[2], exit: Number(m[3]) }));

describe("od as BusyBox prints it", () => {
  it("has the recorded cases", () => expect(cases.length).toBeGreaterThanOrEqual(15));
  for (const c of cases) {
    it(c.line, async () => {
      const h = createHost();
      const r = await h.run(`${c.line} 2>&1`);
      expect({ out: r.stdout, exit: r.exit }).toEqual({ out: c.out, exit: c.exit });
    });
  }
});
