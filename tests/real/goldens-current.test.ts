// Re-records a sample of scenarios against a real Docker engine with the project's recorder and
// checks that each still matches its golden after normalisation: the goldens describe the engine
// as it behaves today. One scenario per topic by default; LAYERLAB_REAL_SAMPLE=all takes every
// scenario, LAYERLAB_REAL_SAMPLE=<topic>__<name>,... a chosen few.
// Skipped when no engine is available (`docker info` fails).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listScenarios, onePerTopic, readGolden, REPO_ROOT, type Scenario } from '../lib/corpus';
import { compareTranscripts, formatMismatches } from '../lib/normalize';
import { parseTranscript } from '../lib/transcript';

function dockerIsUp(): boolean {
  return spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 20_000 }).status === 0;
}

/**
 * The private recording engine needs root and iproute2. Recording resets its engine to only
 * busybox:latest before every scenario, so it never runs against the default engine (a
 * learner's own Docker) unless LAYERLAB_ENGINE=shared asks for exactly that.
 */
function engineMode(): string | null {
  if (process.env.LAYERLAB_ENGINE) return process.env.LAYERLAB_ENGINE;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const tools = spawnSync('sh', ['-c', 'command -v ip && command -v nsenter && command -v unshare'], { stdio: 'ignore' });
  return root && tools.status === 0 ? 'private' : null;
}

function sample(all: Scenario[]): Scenario[] {
  const wanted = process.env.LAYERLAB_REAL_SAMPLE;
  if (wanted === 'all') return all;
  if (wanted) {
    const ids = new Set(wanted.split(','));
    return all.filter((s) => ids.has(s.id));
  }
  return onePerTopic(all);
}

const mode = engineMode();
const isCI = process.env.CI === 'true' || process.env.CI === '1';
if (mode === null && isCI) throw new Error('goldens-current: CI=true needs root, ip, nsenter and unshare for the private recording engine');
const available = mode !== null && dockerIsUp();
const chosen = sample(listScenarios());

describe.skipIf(!available)('goldens match the real engine', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'layerlab-real-'));
  let recorder = { status: -1 as number | null, log: '' };

  beforeAll(() => {
    const result = spawnSync('bash', [join(REPO_ROOT, 'scripts', 'record-goldens.sh'), '--out', outDir, ...chosen.map((s) => s.dir)], {
      env: { ...process.env, LAYERLAB_ENGINE: mode ?? 'private' },
      encoding: 'utf8',
      timeout: 30 * 60_000,
    });
    recorder = { status: result.status, log: `${result.stdout ?? ''}${result.stderr ?? ''}` };
  });

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('samples at least ten scenarios, one per topic', () => {
    expect(chosen.length).toBeGreaterThanOrEqual(process.env.LAYERLAB_REAL_SAMPLE ? 1 : 10);
  });

  it('records every sampled scenario', () => {
    expect(recorder.status, recorder.log).toBe(0);
  });

  it.each(chosen.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
    const golden = readGolden(scenario);
    const fresh = parseTranscript(readFileSync(join(outDir, `${scenario.id}.jsonl`), 'utf8'));
    const mismatches = compareTranscripts(golden, fresh);
    expect(mismatches, formatMismatches(mismatches, golden)).toEqual([]);
  });
});
