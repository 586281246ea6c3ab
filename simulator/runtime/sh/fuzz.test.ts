/**
 * Fuzzing: 10,000 generated scripts (seeded, so failures replay by index) each run to the end
 * under a step budget. No JavaScript error may escape the interpreter and nothing may hang.
 */
import { afterAll, describe, expect, it } from "vitest";
import "../applets/index";
import "./index";
import cases from "./conformance/cases.json";
import fixture from "./conformance/fixture.json";
import { ScriptGen, prng } from "./conformance/fuzz";
import { runCase } from "./conformance/harness";
import { internalErrors } from "./fatal";

const N = 10_000;
const SEED = 20240101;
const BUDGET = 3_000;

describe("sh fuzz", () => {
  const problems: string[] = [];
  internalErrors.report = (e) => problems.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
  afterAll(() => {
    internalErrors.report = null;
  });

  it(`runs ${N} generated scripts without internal errors or hangs`, async () => {
    const gen = new ScriptGen(prng(SEED));
    const known = (cases as Array<{ script: string }>).map((c) => c.script);
    const t0 = Date.now();
    for (let i = 0; i < N; i++) {
      const script = gen.script(known);
      const before = problems.length;
      let r: { stdout: string; stderr: string; exit: number };
      try {
        r = await runCase(fixture, { script, stdin: "in1\nin2\n", flags: [] }, BUDGET);
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        // sleeping past the simulated deadline is the script's choice, not a hang of the shell
        if (msg === "simulation deadline passed") continue;
        problems.push(`#${i} ${JSON.stringify(script)}: ${msg}`);
        continue;
      }
      if (problems.length > before) problems[problems.length - 1] = `#${i} ${JSON.stringify(script)}: ${problems[problems.length - 1]}`;
      expect(r.exit).toBeGreaterThanOrEqual(0);
      expect(r.exit).toBeLessThan(256);
    }
    const ms = Date.now() - t0;
    console.log(`sh fuzz: ${N} scripts in ${ms} ms`);
    expect(problems.slice(0, 5)).toEqual([]);
  }, 120_000);
});
