/**
 * Running an exercise: prepare its start state on a host, run its checks on an engine, and the
 * headless replays CI uses (the solution must pass; each wrong attempt must fail, explained).
 */
import { createHost, LEARNER, type Host, type RunResult } from "../host/host";
import { split } from "../fs/path";
import { Vfs } from "../runtime/vfs";
import type { CheckEngine } from "./engine";
import { failed, messageOf, type CheckResult, type Exercise, type Locale } from "./exercise";
import { SimEngine } from "./sim-engine";

export interface CheckReport {
  pass: boolean;
  results: { description: string; result: CheckResult }[];
  /** The first failing check's message. */
  message?: string;
}

/** The first failing check's message in `locale` (English when that check gave no translation). */
export function reportMessage(report: CheckReport, locale: Locale): string | undefined {
  const failed = report.results.find((r) => !r.result.pass);
  return failed ? messageOf(failed.result, locale) : undefined;
}

/** Simulated time one setup step or replayed command line may take. */
export const STEP_LIMIT_MS = 60_000;

/** A word as the shell reads it back unchanged: bare when safe, else in single quotes. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return "'" + word.replace(/'/g, `'\\''`) + "'";
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Writes a file of the learner's working folder as the learner would (uid 1000, mode 0644). */
function writeLearnerFile(host: Host, path: string, content: string): void {
  const parts = split(path);
  if (path.startsWith("/") || parts.length === 0 || parts.includes("..")) throw new Error(`the path must be relative to the working folder, without "..": ${JSON.stringify(path)}`);
  const m = host.machine;
  const fs = new Vfs(m.hostNs.mnt, host.learnerCred(), LEARNER.home, () => m.sched.now, m.devices, 0);
  let dir = LEARNER.home;
  for (const c of parts.slice(0, -1)) {
    dir += "/" + c;
    if (!fs.exists(dir)) fs.mkdir(dir, 0o755);
  }
  const file = `${LEARNER.home}/${parts.join("/")}`;
  fs.writeFile(file, content, { mode: 0o644 });
  fs.chmod(file, 0o644);
}

/**
 * Brings a host to an exercise's start state: the file steps first (in the learner's home),
 * then the docker steps in order. A failing step throws, naming the exercise and the step.
 */
export async function prepareExercise(host: Host, ex: Exercise): Promise<void> {
  const steps = [...ex.setup.filter((s) => "file" in s), ...ex.setup.filter((s) => "docker" in s)];
  for (const step of steps) {
    if ("file" in step) {
      try {
        writeLearnerFile(host, step.file, step.content);
      } catch (e) {
        throw new Error(`exercise ${ex.id}: setup file ${step.file} could not be written: ${message(e)}`);
      }
      continue;
    }
    const line = ["docker", ...step.docker].map(shellQuote).join(" ");
    const r = await host.run(line, { limitMs: STEP_LIMIT_MS });
    if (r.exit !== 0) throw new Error(`exercise ${ex.id}: setup step \`${line}\` exited with ${r.exit}: ${r.stderr.trim() || "(no error output)"}`);
  }
}

/** Runs every check in order. A check that throws counts as failed with the error's message. */
export async function runChecks(engine: CheckEngine, ex: Exercise): Promise<CheckReport> {
  const results: CheckReport["results"] = [];
  for (const check of ex.checks) {
    let result: CheckResult;
    try {
      result = await check.run(engine);
      if (!result || typeof result.pass !== "boolean") result = failed(`check "${check.description}" returned no result`, `チェック「${check.description}」が結果を返しませんでした`);
    } catch (e) {
      result = failed(message(e), `チェックを実行できませんでした: ${message(e)}`);
    }
    results.push({ description: check.description, result });
  }
  const first = results.find((r) => !r.result.pass);
  return { pass: !first, results, message: first?.result.message };
}

export interface ReplayStep extends RunResult {
  line: string;
}

export interface Replay {
  host: Host;
  /** Each command line with what it printed and its exit status. */
  transcript: ReplayStep[];
  report: CheckReport;
}

/** On a fresh host: setup, then the command lines, then the checks. */
export async function replay(ex: Exercise, lines: readonly string[], opts: { limitMs?: number; seed?: number } = {}): Promise<Replay> {
  const host = createHost({ seed: opts.seed });
  await prepareExercise(host, ex);
  const transcript: ReplayStep[] = [];
  for (const line of lines) transcript.push({ line, ...(await host.run(line, { limitMs: opts.limitMs ?? STEP_LIMIT_MS })) });
  const report = await runChecks(new SimEngine(host), ex);
  return { host, transcript, report };
}

/** The exercise's solution on a fresh host; `report.pass` should be true. */
export function replaySolution(ex: Exercise, opts: { limitMs?: number; seed?: number } = {}): Promise<Replay> {
  return replay(ex, ex.solution, opts);
}

/**
 * Wrong attempt `index` on a fresh host. `explained` is true when the first failing check's
 * message (the one the learner is shown) contains the attempt's `expect`, as CI requires.
 */
export async function replayWrong(ex: Exercise, index: number, opts: { limitMs?: number; seed?: number } = {}): Promise<Replay & { explained: boolean }> {
  const wrong = ex.wrong[index];
  if (!wrong) throw new Error(`exercise ${ex.id} has no wrong attempt ${index}`);
  const r = await replay(ex, wrong.commands, opts);
  const explained = !r.report.pass && r.report.message!.includes(wrong.expect);
  return { ...r, explained };
}
