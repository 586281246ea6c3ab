// Where the recorded scenarios live: the shared examples and the project's own corpus.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface CorpusEntry {
  /** "<topic>/<name>" */
  id: string;
  topic: string;
  dir: string;
  golden: string;
}

const ROOT = resolve(import.meta.dirname, '../..');

function collect(scenarios: string, goldens: string, prefix: string): CorpusEntry[] {
  if (!existsSync(scenarios) || !existsSync(goldens)) return [];
  const out: CorpusEntry[] = [];
  for (const topic of readdirSync(scenarios).sort()) {
    const t = join(scenarios, topic);
    if (!existsSync(t) || topic.includes('.')) continue;
    for (const name of readdirSync(t).sort()) {
      const golden = join(goldens, `${topic}__${name}.jsonl`);
      if (existsSync(join(t, name, 'steps.sh')) && existsSync(golden)) out.push({ id: `${prefix}${topic}/${name}`, topic, dir: join(t, name), golden });
    }
  }
  return out;
}

export function corpus(): CorpusEntry[] {
  return [
    ...collect(join(ROOT, '../shared/transcripts/examples'), join(ROOT, '../shared/transcripts/golden'), 'shared:'),
    ...collect(join(ROOT, 'tests/scenarios'), join(ROOT, 'tests/goldens'), ''),
  ];
}
