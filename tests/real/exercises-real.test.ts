// The course against real Docker, on a fresh engine (the recorder's private engine, reset to
// only busybox:latest before each run):
//   - every exercise with `real: true`: set up through the verify code path, its solution lines
//     run with `sh -c` in the working folder, and verify's check must pass; each wrong attempt,
//     on a fresh setup, must fail with its `expect` text;
//   - every lesson's ```console transcripts: run in order on the real engine and in a fresh
//     simulated host, compared after normalising IDs and times only; the output the lesson
//     shows must be what real Docker printed.
// LAYERLAB_LESSONS_DIR reads the lessons from another folder than content/lessons.
// Skipped when no engine is available; needs the private engine (root), since a fresh engine
// is one nobody else uses: with CI=true a machine without it fails instead.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allExercises } from '../../content/exercises';
import { runScenario } from '../../simulator/host/scenario';
import { workDirOf } from '../../verify/lab';
import { REPO_ROOT } from '../lib/corpus';
import { lessonTranscripts } from '../lib/lesson-console';
import { compareTranscripts, formatMismatches } from '../lib/normalize';
import { parseTranscript, type TranscriptStep } from '../lib/transcript';
import { openPrivateEngine, privateEngineUnavailable, runLine, type PrivateEngine } from './lib/private-engine';
import { dockerIsUp, verify } from './lib/verify-run';

const isCI = process.env.CI === 'true' || process.env.CI === '1';
const available = dockerIsUp();
const noPrivate = available ? privateEngineUnavailable() : null;
const runHere = available && noPrivate === null;
const real = allExercises.filter((e) => e.real === true);
const lessons = lessonTranscripts(process.env.LAYERLAB_LESSONS_DIR || undefined);

describe.runIf(available && noPrivate !== null)('the course on real Docker', () => {
  it('needs a fresh engine', () => {
    if (isCI) expect.fail(`cannot replay the course on real Docker: ${noPrivate}`);
    console.warn(`SKIPPED: exercises and lesson transcripts on real Docker (${noPrivate})`);
  });
});

interface CheckJson {
  pass: boolean;
  checks: { description: string; pass: boolean; message?: string }[];
}

describe.runIf(runHere)('exercises on real Docker', () => {
  let engine: PrivateEngine;
  // not under /tmp: the private engine has a /tmp of its own, and bind mounts name host paths
  const root = join(homedir(), '.layerlab', `test-real-${randomBytes(3).toString('hex')}`);

  beforeAll(async () => {
    engine = await openPrivateEngine();
  }, 10 * 60_000);
  afterAll(async () => {
    await engine?.close();
    rmSync(root, { recursive: true, force: true });
  }, 5 * 60_000);

  /** setup, the command lines, check; then clean. */
  async function attempt(id: string, lines: readonly string[]) {
    engine.reset();
    const setup = await verify(['setup', id], real, root, engine.env);
    expect(setup.code, `verify setup ${id}\n${setup.out}${setup.err}`).toBe(0);
    const transcript: string[] = [];
    for (const line of lines) {
      const r = await runLine(line, workDirOf(root, id), engine.env);
      transcript.push(`$ ${line}\n${r.stdout}${r.stderr}[exit ${r.exit}]`);
    }
    const check = await verify(['check', id, '--json'], real, root, engine.env);
    const clean = await verify(['clean', id], real, root, engine.env);
    // what a learner's container still uses stays (and is said to); anything else is an error
    expect(clean.code === 0 || (clean.code === 2 && clean.out.includes('Kept')), `verify clean ${id}\n${clean.out}${clean.err}`).toBe(true);
    const report = JSON.parse(check.out) as CheckJson;
    return { code: check.code, report, transcript: transcript.join('\n'), text: JSON.stringify(report, null, 2) };
  }

  it('there are exercises to replay', () => {
    expect(real.length).toBeGreaterThan(0);
  });

  for (const ex of real) {
    it(`${ex.id}: the solution passes`, async () => {
      const r = await attempt(ex.id, ex.solution);
      expect(r.code, `${r.transcript}\n${r.text}`).toBe(0);
      expect(r.report.pass).toBe(true);
    }, 5 * 60_000);

    ex.wrong.forEach((wrong, i) => {
      it(`${ex.id}: wrong attempt ${i + 1} fails with "${wrong.expect}"`, async () => {
        const r = await attempt(ex.id, wrong.commands);
        expect(r.code, `${r.transcript}\n${r.text}`).toBe(1);
        const explained = r.report.checks.some((c) => !c.pass && (c.message ?? '').includes(wrong.expect));
        expect(explained, `no failing check says "${wrong.expect}"\n${r.transcript}\n${r.text}`).toBe(true);
      }, 5 * 60_000);
    });
  }
});

/** What a terminal shows for a text: after a carriage return, the rest of the line overwrites it. */
function onScreen(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const cells: string[] = [];
      for (const part of line.split('\r')) [...part].forEach((ch, i) => (cells[i] = ch));
      return cells.join('');
    })
    .join('\n');
}

/**
 * What the terminal shows for a step: both streams, stdout first unless the lesson shows
 * stderr's first line first (the recorder captures them apart, so their interleaving is lost).
 */
function shown(step: TranscriptStep, lessonOutput: string): string {
  const out = onScreen(step.stdout);
  const err = onScreen(step.stderr);
  if (out && err && lessonOutput.startsWith(err.split('\n')[0])) return err + out;
  return out + err;
}

describe.runIf(runHere && lessons.length > 0)('lesson transcripts on real Docker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-lessons-real-'));
  const out = join(dir, 'out');
  let recorder = { status: -1 as number | null, log: '' };

  beforeAll(() => {
    // each lesson becomes a scenario the recorder runs on a freshly reset engine
    const dirs = lessons.map((l) => {
      const d = join(dir, 'lessons', l.slug);
      mkdirSync(d, { recursive: true });
      writeFileSync(join(d, 'steps.sh'), `# lesson ${l.slug}\n${l.commands.map((c) => c.cmd).join('\n')}\n`);
      return d;
    });
    const r = spawnSync('bash', [join(REPO_ROOT, 'scripts', 'record-goldens.sh'), '--out', out, ...dirs], {
      env: { ...process.env, LAYERLAB_ENGINE: 'private' },
      encoding: 'utf8',
      timeout: 30 * 60_000,
    });
    recorder = { status: r.status, log: `${r.stdout ?? ''}${r.stderr ?? ''}` };
  }, 31 * 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('records every lesson', () => {
    expect(recorder.status, recorder.log).toBe(0);
  });

  for (const lesson of lessons) {
    const realRun = () => parseTranscript(readFileSync(join(out, `lessons__${lesson.slug}.jsonl`), 'utf8'));

    it(`${lesson.slug}: the simulator prints what real Docker prints`, async () => {
      const actual = realRun();
      const sim = await runScenario(lesson.commands.map((c) => c.cmd), []);
      const mismatches = compareTranscripts(actual, sim);
      expect(mismatches, formatMismatches(mismatches, actual)).toEqual([]);
    }, 5 * 60_000);

    it(`${lesson.slug}: the lesson shows what real Docker prints`, () => {
      const actual = realRun();
      const asShown = lesson.commands.map((c, i) => ({ cmd: c.cmd, exit: actual[i]?.exit ?? 0, stdout: onScreen(c.output), stderr: '' }));
      const asPrinted = actual.map((s, i) => ({ ...s, stdout: shown(s, lesson.commands[i]?.output ?? ''), stderr: '' }));
      const mismatches = compareTranscripts(asPrinted, asShown);
      expect(mismatches, `${lesson.file} (expected: real Docker; actual: the lesson)\n${formatMismatches(mismatches, asPrinted)}`).toEqual([]);
    });
  }
});
