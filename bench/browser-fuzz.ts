/**
 * The shell fuzz corpus in the browser: the 10,000 generated scripts of the sh fuzz test
 * (simulator/runtime/sh/fuzz.test.ts, same seed) run one after another in the sandbox page's
 * simulated host, each with the terminal's kind of step budget, while Chromium reports every
 * main-thread task over 50 ms (PerformanceObserver "longtask"). Reports the longest task, how
 * many went over 50 ms, and which scripts they ran in. LAYERLAB_BENCH_FUZZ=N runs the first N.
 */
import type { Page } from "@playwright/test";
import cases from "../simulator/runtime/sh/conformance/cases.json";
import fixture from "../simulator/runtime/sh/conformance/fixture.json";
import { prng, ScriptGen } from "../simulator/runtime/sh/conformance/fuzz";
import { launchChromium, progress, READY_PROMPT, startPreview } from "./browser-page";
import type { BenchModule, BenchRow } from "./types";

const SEED = 20240101;
const STEPS = 3_000;
const BATCH = 500;
const LONG_TASK_MS = 50;

/** The fuzz test's scripts, in its order. */
export function fuzzCorpus(n: number): string[] {
  const gen = new ScriptGen(prng(SEED));
  const known = (cases as Array<{ script: string }>).map((c) => c.script);
  return Array.from({ length: n }, () => gen.script(known));
}

/** A shell script that makes the fuzz fixture (its directory and files) on the host. */
function fixtureScript(): string {
  const q = (s: string) => "'" + s.replace(/'/g, `'\\''`) + "'";
  const lines = [`mkdir -p ${q(fixture.dir)}`, `cd ${q(fixture.dir)}`];
  for (const f of fixture.files as Array<{ path: string; content?: string; mode?: string; dir?: boolean }>) {
    if (f.dir) lines.push(`mkdir -p ${q(f.path)}`);
    else lines.push(`printf '%s' ${q(f.content ?? "")} > ${q(f.path)}`, `chmod ${f.mode ?? "644"} ${q(f.path)}`);
  }
  return lines.join("\n") + "\n";
}

/** Page-side: installs the longtask observer and the runner that takes scripts in batches. */
const SETUP = (fixtureSh: string, steps: number) => `(async () => {
  window.__fuzz = { longtasks: [], index: 0, errors: [], exits: {} };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__fuzz.longtasks.push({ ms: e.duration, index: window.__fuzz.index });
  }).observe({ type: "longtask" });
  await document.querySelector("layerlab-sandbox").start();
  const host = document.querySelector("layerlab-terminal").host;
  const made = await host.run("sh", { stdin: ${JSON.stringify(fixtureSh)} });
  if (made.exit !== 0) throw new Error("fixture: " + made.stderr);
  window.__fuzz.run = async (scripts, first) => {
    for (let i = 0; i < scripts.length; i++) {
      window.__fuzz.index = first + i;
      try {
        await host.run("cat > /tmp/fuzz.sh", { stdin: scripts[i] });
        const r = await host.run("cd ${fixture.dir} && sh /tmp/fuzz.sh", { stdin: "in1\\nin2\\n", steps: ${steps}, limitMs: 3600000 });
        window.__fuzz.exits[r.exit] = (window.__fuzz.exits[r.exit] ?? 0) + 1;
      } catch (e) {
        window.__fuzz.errors.push({ index: first + i, message: String(e && e.message || e) });
      }
    }
  };
})()`;

interface FuzzResult {
  longtasks: Array<{ ms: number; index: number }>;
  errors: Array<{ index: number; message: string }>;
  exits: Record<string, number>;
}

async function runCorpus(page: Page, scripts: string[]): Promise<{ result: FuzzResult; ms: number }> {
  await page.evaluate(SETUP(fixtureScript(), STEPS));
  const t0 = Date.now();
  for (let first = 0; first < scripts.length; first += BATCH) {
    progress(`fuzz corpus ${first}/${scripts.length}`);
    await page.evaluate(`window.__fuzz.run(${JSON.stringify(scripts.slice(first, first + BATCH))}, ${first})`);
  }
  const ms = Date.now() - t0;
  const result = await page.evaluate<FuzzResult>("({ longtasks: window.__fuzz.longtasks, errors: window.__fuzz.errors, exits: window.__fuzz.exits })");
  return { result, ms };
}

const browserFuzz: BenchModule = {
  name: "browser-fuzz",
  description: "the sh fuzz corpus run in the sandbox page: the longest main-thread task",
  async run(): Promise<BenchRow[]> {
    const n = Number(process.env.LAYERLAB_BENCH_FUZZ ?? 10_000);
    const scripts = fuzzCorpus(n);
    const preview = await startPreview();
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${preview.url}/sandbox/`);
      await page.evaluate(READY_PROMPT);
      const { result, ms } = await runCorpus(page, scripts);
      await page.close();
      if (result.errors.length > 0) throw new Error(`${result.errors.length} scripts threw, first #${result.errors[0].index}: ${result.errors[0].message}`);
      const longest = result.longtasks.reduce((max, t) => Math.max(max, t.ms), 0);
      const worst = [...result.longtasks]
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 3)
        .map((t) => `${Math.round(t.ms)} ms in #${t.index}`)
        .join(", ");
      const exits = Object.entries(result.exits)
        .sort((a, b) => Number(a[0]) - Number(b[0]))
        .map(([code, count]) => `${code}×${count}`)
        .join(" ");
      return [
        {
          metric: `longest main-thread task, ${n.toLocaleString("en-US")} fuzz scripts`,
          value: Math.round(longest),
          unit: "ms",
          note: longest === 0 ? `no task over ${LONG_TASK_MS} ms (Chromium reports only those); budget ${LONG_TASK_MS} ms: within budget` : `${worst}; budget ${LONG_TASK_MS} ms: ${longest <= LONG_TASK_MS ? "within budget" : "OVER BUDGET"}`,
        },
        { metric: "tasks over 50 ms", value: result.longtasks.length, unit: "", note: `while ${n.toLocaleString("en-US")} scripts ran in ${(ms / 1000).toFixed(1)} s` },
        { metric: "scripts by exit status", value: n, unit: "scripts", note: exits },
      ];
    } finally {
      await browser.close();
      preview.stop();
    }
  },
};

export default browserFuzz;
