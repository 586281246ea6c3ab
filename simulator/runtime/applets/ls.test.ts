import { describe, expect, it } from "vitest";
import "./index";
import { cases } from "./testdata/cases/ls";
import recorded from "./testdata/recorded/ls.json";
import { compareCase } from "./testdata/suite";

describe("ls, as the reference BusyBox prints it", () => {
  for (const c of cases) {
    it(c.cmd + (c.cwd ? ` (in ${c.cwd})` : ""), async () => {
      const { actual, expected } = await compareCase(c, recorded);
      expect(actual).toEqual(expected);
    });
  }
});
