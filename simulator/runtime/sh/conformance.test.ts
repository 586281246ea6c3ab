/**
 * The shell against the real BusyBox: every case in conformance/cases.json was recorded with
 * /bin/busybox sh (conformance/record.mjs) and must give the same stdout, stderr and status here.
 */
import { describe, expect, it } from "vitest";
import "../applets/index";
import "./index";
import cases from "./conformance/cases.json";
import fixture from "./conformance/fixture.json";
import { type Case, runCase } from "./conformance/harness";

describe("sh conformance with BusyBox 1.35 ash", () => {
  for (const c of cases as Case[]) {
    it(c.name, async () => {
      const r = await runCase(fixture, c);
      expect({ stdout: r.stdout, stderr: r.stderr, exit: r.exit }).toEqual({ stdout: c.stdout, stderr: c.stderr, exit: c.exit });
    });
  }
});
