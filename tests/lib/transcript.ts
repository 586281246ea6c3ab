// Transcripts and scenarios as the recorder writes and reads them.
// A transcript is JSONL: one {"cmd","exit","stdout","stderr"} object per step, raw.
// A scenario's steps.sh holds one step per line; blank lines and # comment lines are not steps,
// and the first comment line describes the scenario.

export interface TranscriptStep {
  cmd: string;
  exit: number;
  stdout: string;
  stderr: string;
}

/** Which streams of a step are not compared (the exit code always is). */
export interface StepMarkers {
  stdout: boolean;
  stderr: boolean;
}

const MARKER = /#\s*@nondeterministic(-stderr|-both)?\s*$/;

/** Reads the `# @nondeterministic[-stderr|-both]` marker at the end of a step line. */
export function markersOf(cmd: string): StepMarkers {
  const m = MARKER.exec(cmd);
  if (!m) return { stdout: false, stderr: false };
  if (m[1] === '-stderr') return { stdout: false, stderr: true };
  if (m[1] === '-both') return { stdout: true, stderr: true };
  return { stdout: true, stderr: false };
}

function isStep(value: unknown): value is TranscriptStep {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.cmd === 'string' &&
    typeof v.exit === 'number' &&
    Number.isInteger(v.exit) &&
    typeof v.stdout === 'string' &&
    typeof v.stderr === 'string'
  );
}

/** Parses a JSONL transcript; throws with the line number on a malformed line. */
export function parseTranscript(jsonl: string): TranscriptStep[] {
  const steps: TranscriptStep[] = [];
  const lines = jsonl.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new Error(`transcript line ${index + 1}: not JSON (${(e as Error).message})`);
    }
    if (!isStep(value)) {
      throw new Error(`transcript line ${index + 1}: expected {"cmd","exit","stdout","stderr"}`);
    }
    steps.push({ cmd: value.cmd, exit: value.exit, stdout: value.stdout, stderr: value.stderr });
  });
  return steps;
}

/** Serialises steps in the recorder's layout (one line per step, keys in a fixed order). */
export function formatTranscript(steps: readonly TranscriptStep[]): string {
  const s = JSON.stringify;
  return steps
    .map((t) => `{"cmd": ${s(t.cmd)}, "exit": ${t.exit}, "stdout": ${s(t.stdout)}, "stderr": ${s(t.stderr)}}\n`)
    .join('');
}

export interface ScenarioText {
  /** The first comment line, without "# ". */
  description: string;
  steps: string[];
}

/** Splits a steps.sh text into its description and its step lines. */
export function parseSteps(text: string): ScenarioText {
  let description = '';
  const steps: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const trimmed = line.trimStart();
    if (trimmed === '') continue;
    if (trimmed.startsWith('#')) {
      if (description === '') description = trimmed.replace(/^#+\s*/, '');
      continue;
    }
    steps.push(line);
  }
  return { description, steps };
}
