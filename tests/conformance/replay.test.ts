// Replays every recorded real-Docker scenario against the simulator and compares the transcripts
// after normalising IDs and times only. Scenarios listed in known-differences.json are expected to
// differ (each with its reason); any other scenario must match, and a listed one that starts to
// match must be taken off the list, so the list stays true.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../simulator/host/scenario';
import { compareTranscripts, formatMismatches } from '../lib/normalize';
import { loadScenario } from '../lib/scenario-files';
import { corpus } from './corpus-files';

const KNOWN = JSON.parse(readFileSync(join(import.meta.dirname, 'known-differences.json'), 'utf8')) as Record<string, string>;
const results = new Map<string, { topic: string; pass: boolean }>();

describe('real-Docker transcripts replayed in the simulator', () => {
  for (const entry of corpus()) {
    it(entry.id, async () => {
      const golden = readFileSync(entry.golden, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
      const { steps, files } = loadScenario(entry.dir);
      const actual = await runScenario(steps, files);
      const mismatches = compareTranscripts(golden, actual);
      const pass = mismatches.length === 0;
      results.set(entry.id, { topic: entry.topic, pass });
      if (entry.id in KNOWN) {
        expect(pass, `${entry.id} now matches real Docker: remove it from known-differences.json`).toBe(false);
      } else {
        expect(mismatches, formatMismatches(mismatches, golden)).toEqual([]);
      }
    }, 60_000);
  }
});

afterAll(() => {
  const byTopic = new Map<string, [number, number]>();
  for (const r of results.values()) {
    const t = byTopic.get(r.topic) ?? [0, 0];
    t[r.pass ? 0 : 1]++;
    byTopic.set(r.topic, t);
  }
  const lines = [...byTopic].sort().map(([t, [p, f]]) => `${t}\t${p}/${p + f}`);
  const total = [...results.values()];
  const summary = `conformance: ${total.filter((r) => r.pass).length}/${total.length} scenarios match real Docker\n${lines.join('\n')}\n`;
  if (process.env.LAYERLAB_CONFORMANCE_REPORT) writeFileSync(process.env.LAYERLAB_CONFORMANCE_REPORT, summary);
  if (process.env.LAYERLAB_UPDATE_KNOWN) {
    // maintenance aid: list the scenarios that differ now, keeping existing reasons
    const next: Record<string, string> = {};
    for (const [id, r] of results) if (!r.pass) next[id] = KNOWN[id] ?? 'not yet implemented in the simulator';
    writeFileSync(join(import.meta.dirname, 'known-differences.json'), JSON.stringify(next, null, 2) + '\n');
  }
});
