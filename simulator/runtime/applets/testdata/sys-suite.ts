/** Table-driven conformance: each recorded case of a group, replayed and compared step by step. */
import { describe, expect, it } from "vitest";
import { type Recording, type SysCase, applyMask } from "./sys-case";
import { simulate } from "./sys-sim";

/** `rec` is testdata/sys-recorded/<group>.json (the test reads it: this module stays free of Node APIs). */
export function recordedSuite(group: string, cases: SysCase[], rec: Recording): void {
  describe(`${group} against the recorded BusyBox`, () => {
    for (const c of cases) {
      const expected = rec[c.name];
      if (c.differs) {
        it.skip(`${c.name} (known difference: ${c.differs})`, () => {});
        continue;
      }
      it(c.name, async () => {
        expect(expected, "recorded (run sys-record.mts)").toBeDefined();
        const got = await simulate(c);
        const norm = (rs: typeof got) => rs.map((r) => ({ stdout: applyMask(r.stdout, c.mask), stderr: applyMask(r.stderr, c.mask), exit: r.exit }));
        expect(norm(got)).toEqual(norm(expected));
      });
    }
  });
}
