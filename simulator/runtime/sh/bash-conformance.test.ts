/**
 * The bash dialect against the real bash: every case in conformance/bash-cases.json was recorded
 * with /usr/bin/bash 5.2 run as `bash` (conformance/record.mjs --bash) and must give the same
 * stdout, stderr and status here.
 */
import { describe, expect, it } from "vitest";
import "../applets/index";
import "./index";
import cases from "./conformance/bash-cases.json";
import fixture from "./conformance/fixture.json";
import { type Case, runCase } from "./conformance/harness";

describe("bash dialect conformance with bash 5.2", () => {
  for (const c of cases as Case[]) {
    it(c.name, async () => {
      const r = await runCase(fixture, c, 3_000_000, "bash");
      expect({ stdout: r.stdout, stderr: r.stderr, exit: r.exit }).toEqual({ stdout: c.stdout, stderr: c.stderr, exit: c.exit });
    });
  }
});
