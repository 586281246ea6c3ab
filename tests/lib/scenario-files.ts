// Reads a scenario folder (steps.sh and files/) from disk for the simulator's scenario runner.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSteps, type ScenarioFile } from '../../simulator/host/scenario';

export function loadScenario(dir: string): { steps: string[]; files: ScenarioFile[] } {
  const steps = parseSteps(readFileSync(join(dir, 'steps.sh'), 'utf8'));
  const files: ScenarioFile[] = [];
  const root = join(dir, 'files');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else files.push({ path: relative(root, p), data: new Uint8Array(readFileSync(p)), mode: st.mode & 0o777 });
    }
  };
  if (existsSync(root)) walk(root);
  return { steps, files };
}
