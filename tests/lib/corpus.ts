// The scenario corpus on disk: tests/scenarios/<topic>/<name>/steps.sh and its golden
// tests/goldens/<topic>__<name>.jsonl.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseSteps, parseTranscript, type ScenarioText, type TranscriptStep } from './transcript';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const SCENARIO_ROOT = join(REPO_ROOT, 'tests', 'scenarios');
export const GOLDEN_ROOT = join(REPO_ROOT, 'tests', 'goldens');

/** The core corpus's topics, whose scenarios keep to 3-10 steps. */
export const CORE_TOPICS = new Set(
  `cli commit cp diff exec export-import format history images inspect lifecycle logs names port prune ps
   references restart rmi runopts save-load tag top`.split(/\s+/),
);

export interface Scenario {
  topic: string;
  name: string;
  /** `<topic>__<name>`, the golden's file name without .jsonl. */
  id: string;
  dir: string;
  goldenPath: string;
}

function subdirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((entry) => statSync(join(dir, entry)).isDirectory())
    .sort();
}

/** Every scenario folder (one holding steps.sh), sorted by topic then name. */
export function listScenarios(root = SCENARIO_ROOT, goldens = GOLDEN_ROOT): Scenario[] {
  const scenarios: Scenario[] = [];
  for (const topic of subdirs(root)) {
    for (const name of subdirs(join(root, topic))) {
      const dir = join(root, topic, name);
      if (!existsSync(join(dir, 'steps.sh'))) continue;
      const id = `${topic}__${name}`;
      scenarios.push({ topic, name, id, dir, goldenPath: join(goldens, `${id}.jsonl`) });
    }
  }
  return scenarios;
}

export function readScenario(s: Scenario): ScenarioText {
  return parseSteps(readFileSync(join(s.dir, 'steps.sh'), 'utf8'));
}

export function readGolden(s: Scenario): TranscriptStep[] {
  return parseTranscript(readFileSync(s.goldenPath, 'utf8'));
}

/** One scenario per topic: the first by name. */
export function onePerTopic(scenarios: readonly Scenario[]): Scenario[] {
  const seen = new Set<string>();
  return scenarios.filter((s) => (seen.has(s.topic) ? false : (seen.add(s.topic), true)));
}
