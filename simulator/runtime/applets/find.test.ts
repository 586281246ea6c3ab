import { describe, expect, it } from "vitest";
import "./index";
import { cases } from "./testdata/cases/find";
import recorded from "./testdata/recorded/find.json";
import { compareCase } from "./testdata/suite";

describe("find, as the reference BusyBox does it", () => {
  for (const c of cases) {
    it(c.cmd + (c.cwd ? ` (in ${c.cwd})` : "") + (c.stdin !== undefined ? " <<< " + JSON.stringify(c.stdin) : ""), async () => {
      const { actual, expected } = await compareCase(c, recorded);
      expect(actual).toEqual(expected);
    });
  }
});
