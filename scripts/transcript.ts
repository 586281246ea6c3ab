/**
 * npm run --silent transcript -- <scenario-dir>
 * Runs a scenario in a fresh simulated host and prints one JSON object per step:
 * {"cmd","exit","stdout","stderr"}.
 */
import { loadScenario } from "../tests/lib/scenario-files";
import { runScenario } from "../simulator/host/scenario";

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: npm run --silent transcript -- <scenario-dir>\n");
  process.exit(2);
}
const { steps, files } = loadScenario(dir);
const result = await runScenario(steps, files);
for (const s of result) process.stdout.write(JSON.stringify({ cmd: s.cmd, exit: s.exit, stdout: s.stdout, stderr: s.stderr }) + "\n");
