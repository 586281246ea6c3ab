/**
 * The table-driven comparison every applet test uses: each case of cases/<group>.ts runs on
 * the simulated Machine and must print what the reference BusyBox printed (recorded/<group>.json).
 */
import { type Case, type RecordFile, applyMask, caseKey, sortLines } from "./case";
import { runSim } from "./sim";

export interface Outcome {
  actual: { stdout: string; stderr: string; exit: number; tree?: string };
  expected: { stdout: string; stderr: string; exit: number; tree?: string };
}

export async function compareCase(c: Case, rec: RecordFile): Promise<Outcome> {
  const r = rec.results[caseKey(c)];
  if (!r) throw new Error(`not recorded: ${c.cmd} (run testdata/record.mts)`);
  const a = await runSim(c, rec.base, r.now);
  const norm = (x: { stdout: string; stderr: string; exit: number; tree?: string }) => {
    const o: Outcome["actual"] = {
      stdout: applyMask(c.sort ? sortLines(x.stdout) : x.stdout, c.mask),
      stderr: applyMask(x.stderr, c.mask),
      exit: x.exit,
    };
    if (c.tree) o.tree = x.tree;
    return o;
  };
  return { actual: norm(a), expected: norm(r) };
}
