// Normalises transcripts so that two runs of the same scenario compare equal, on real Docker
// or in the simulator. Only what varies between identical runs is replaced:
//   - image/container IDs and digests (64- and 12-hex, with or without "sha256:"), numbered in
//     order of first appearance so that "the same ID again" is still checked: <ID:n> is a full
//     ID, <id:n> the short form of the same ID;
//   - generated container names (<name:n>);
//   - dates (<date>; the fixed dates 0001-01-01, 1970-01-01 and 2024-01-01 are kept) and
//     relative times ("Up <duration>", "<duration> ago");
//   - ephemeral host ports (<port>), host PIDs, CPU use and start times in `docker top`, "Pid" in inspect JSON;
//   - BuildKit durations, log timestamps, context/Dockerfile transfer sizes, vertex numbers and
//     vertex order (see normalize-buildkit.ts);
//   - the working directory path (<workdir>).
// Exit codes, file lists, sizes, CACHED, error texts, states and every other value are kept.
// Tables printed by tabwriter are laid out again after their cells are normalised.
import { GENERATED_NAME } from './generated-names';
import { hasBuildkitProgress, restructureBuildkit } from './normalize-buildkit';
import { findTables, renderTable } from './normalize-tables';
import { markersOf, type TranscriptStep } from './transcript';

export const DEFAULT_WORK_DIR = '/tmp/dsim/work';
export const NONDETERMINISTIC = '<nondeterministic>';

export interface NormalizeOptions {
  /** The working directory the steps ran in (default /tmp/dsim/work). */
  workDir?: string;
}

const HEX_ID = /(?<![0-9A-Za-z])(sha256:)?([0-9a-f]{64}|[0-9a-f]{12})(?![0-9A-Za-z])/g;
const FULL_HEX = /(?<![0-9A-Za-z])[0-9a-f]{64}(?![0-9A-Za-z])/g;
const DATE =
  /\b(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})|[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?: [+-]\d{4}(?: [A-Z]{2,5})?)?)/g;
const FIXED_DATES = new Set(['0001-01-01', '1970-01-01', '2024-01-01']);
const DURATION =
  '(?:Less than a second|About a minute|About an hour|\\d+ (?:second|minute|hour|day|week|month|year)s?)';
const UP_FOR = new RegExp(`\\bUp ${DURATION}`, 'g');
const AGO = new RegExp(`\\b${DURATION} ago\\b`, 'g');
const HOST_PORT = /(?<=(?:0\.0\.0\.0|127\.0\.0\.1|\[::\]|::|\[::1\]):)(\d{5})\b/g;
const JSON_PID = /"Pid": [1-9]\d*/g;
const TOP_VOLATILE_COLUMNS = new Set(['PID', 'PPID', 'C', 'STIME']);

/** Numbering of IDs and names shared by every field of one transcript. */
export class NormalizeContext {
  private readonly fullIds: string[];
  private readonly numbers = new Map<string, number>();
  private readonly names = new Map<string, number>();
  readonly workDir: string;

  constructor(allText: string, options: NormalizeOptions = {}) {
    this.fullIds = [...new Set(allText.match(FULL_HEX) ?? [])];
    this.workDir = options.workDir ?? DEFAULT_WORK_DIR;
  }

  idPlaceholder(hex: string): string {
    const entity = hex.length === 64 ? hex : (this.fullIds.find((f) => f.startsWith(hex)) ?? hex);
    let n = this.numbers.get(entity);
    if (n === undefined) {
      n = this.numbers.size + 1;
      this.numbers.set(entity, n);
    }
    return hex.length === 64 ? `<ID:${n}>` : `<id:${n}>`;
  }

  namePlaceholder(name: string): string {
    let n = this.names.get(name);
    if (n === undefined) {
      n = this.names.size + 1;
      this.names.set(name, n);
    }
    return `<name:${n}>`;
  }
}

/** Replaces the varying tokens of one line or table cell. */
export function normalizeTokens(text: string, ctx: NormalizeContext): string {
  let s = text.split(ctx.workDir).join('<workdir>');
  s = s.replace(DATE, (all, day: string) => (FIXED_DATES.has(day) ? all : '<date>'));
  s = s.replace(UP_FOR, 'Up <duration>').replace(AGO, '<duration> ago');
  s = s.replace(HOST_PORT, (port: string) => (Number(port) >= 32768 ? '<port>' : port));
  s = s.replace(JSON_PID, '"Pid": <pid>');
  s = s.replace(HEX_ID, (_all, prefix: string | undefined, hex: string) => `${prefix ?? ''}${ctx.idPlaceholder(hex)}`);
  s = s.replace(GENERATED_NAME, (name) => ctx.namePlaceholder(name));
  return s;
}

/** Normalises one stdout or stderr text. */
export function normalizeText(text: string, ctx: NormalizeContext): string {
  const structured = hasBuildkitProgress(text) ? restructureBuildkit(text) : text;
  const lines = structured.split('\n');
  const tables = findTables(lines);
  const out: string[] = [];
  let i = 0;
  for (const table of tables) {
    for (; i < table.start; i++) out.push(normalizeTokens(lines[i], ctx));
    const header = table.rows[0];
    const rows = table.rows.map((row, r) =>
      row.map((cell, c) => {
        if (r > 0 && TOP_VOLATILE_COLUMNS.has(header[c]) && header.includes('PID')) return `<${header[c].toLowerCase()}>`;
        return normalizeTokens(cell, ctx);
      }),
    );
    out.push(...renderTable(rows, table.settings));
    i = table.end;
  }
  for (; i < lines.length; i++) out.push(normalizeTokens(lines[i], ctx));
  return out.join('\n');
}

/** Normalises a whole transcript; streams marked @nondeterministic become <nondeterministic>. */
export function normalizeTranscript(
  steps: readonly TranscriptStep[],
  options: NormalizeOptions = {},
): TranscriptStep[] {
  const ctx = new NormalizeContext(steps.map((s) => `${s.stdout}\n${s.stderr}`).join('\n'), options);
  return steps.map((step) => {
    const markers = markersOf(step.cmd);
    // Streams not compared are still read, so that an ID they print first keeps its number.
    const stdout = normalizeText(step.stdout, ctx);
    const stderr = normalizeText(step.stderr, ctx);
    return {
      cmd: step.cmd,
      exit: step.exit,
      stdout: markers.stdout ? NONDETERMINISTIC : stdout,
      stderr: markers.stderr ? NONDETERMINISTIC : stderr,
    };
  });
}

export interface StepMismatch {
  /** 0-based step index; -1 when the transcripts differ in length. */
  step: number;
  field: 'steps' | 'cmd' | 'exit' | 'stdout' | 'stderr';
  expected: string;
  actual: string;
}

/**
 * Compares a golden transcript with another run of the same scenario after normalising both.
 * The golden's markers decide which streams are skipped; the exit code is always compared.
 */
export function compareTranscripts(
  expected: readonly TranscriptStep[],
  actual: readonly TranscriptStep[],
  options: NormalizeOptions = {},
): StepMismatch[] {
  const mismatches: StepMismatch[] = [];
  if (expected.length !== actual.length) {
    mismatches.push({ step: -1, field: 'steps', expected: String(expected.length), actual: String(actual.length) });
  }
  // The golden's markers apply to both sides.
  const marked = actual.map((step, i) => (expected[i] ? { ...step, cmd: expected[i].cmd } : step));
  const e = normalizeTranscript(expected, options);
  const a = normalizeTranscript(marked, options);
  for (let i = 0; i < Math.min(e.length, a.length); i++) {
    if (expected[i].cmd !== actual[i].cmd) {
      mismatches.push({ step: i, field: 'cmd', expected: expected[i].cmd, actual: actual[i].cmd });
    }
    for (const field of ['exit', 'stdout', 'stderr'] as const) {
      if (e[i][field] !== a[i][field]) {
        mismatches.push({ step: i, field, expected: String(e[i][field]), actual: String(a[i][field]) });
      }
    }
  }
  return mismatches;
}

/** A readable report of mismatches, for test failures and scripts. */
export function formatMismatches(mismatches: readonly StepMismatch[], steps: readonly TranscriptStep[]): string {
  return mismatches
    .map((m) => {
      const where = m.step < 0 ? 'number of steps' : `step ${m.step + 1} (${steps[m.step]?.cmd ?? '?'}) ${m.field}`;
      return `${where}\n  expected: ${JSON.stringify(m.expected)}\n  actual:   ${JSON.stringify(m.actual)}`;
    })
    .join('\n');
}
