// Checks the scenario corpus and its goldens against each other (no engine needed).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORE_TOPICS, GOLDEN_ROOT, listScenarios, readGolden, readScenario } from './corpus';

const scenarios = listScenarios();

describe('scenario corpus', () => {
  it('has the core corpus', () => {
    expect(scenarios.filter((s) => CORE_TOPICS.has(s.topic)).length).toBeGreaterThanOrEqual(110);
  });

  it('has a golden for every scenario and a scenario for every golden', () => {
    const goldens = readdirSync(GOLDEN_ROOT).filter((f) => f.endsWith('.jsonl')).sort();
    expect(goldens).toEqual(scenarios.map((s) => `${s.id}.jsonl`).sort());
  });

  describe.each(scenarios.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
    const text = readScenario(scenario);

    it('describes itself and has steps', () => {
      expect(text.description.length).toBeGreaterThan(10);
      expect(text.steps.length).toBeGreaterThanOrEqual(1);
    });

    it.runIf(CORE_TOPICS.has(scenario.topic))('stays small (core corpus: 3-10 steps)', () => {
      expect(text.steps.length).toBeGreaterThanOrEqual(3);
      expect(text.steps.length).toBeLessThanOrEqual(10);
    });

    it('has a golden recorded from exactly these steps', () => {
      expect(readGolden(scenario).map((s) => s.cmd)).toEqual(text.steps);
    });

    it('uses only the known markers', () => {
      for (const step of text.steps.filter((s) => s.includes('@nondeterministic'))) {
        expect(step).toMatch(/ # @nondeterministic(-stderr|-both)?$/);
      }
    });

    it('never tried to pull and shows only standard engine paths', () => {
      for (const step of readGolden(scenario)) {
        const out = step.stdout + step.stderr;
        expect(out).not.toContain('Unable to find image');
        expect(out).not.toContain('registry-1.docker.io');
        expect(out).not.toContain('layerlab-rec');
      }
    });
  });
});
