// Compares recorded transcripts after normalisation.
// Usage: npx tsx scripts/record/compare.ts <expected.jsonl|dir> <actual.jsonl|dir> [--show]
// With directories, every *.jsonl of the first is compared with the same name in the second.
// Prints one line per transcript (same / differs / missing) and, with --show, the differences.
// Exit 0 when all compared transcripts are the same, 1 otherwise.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compareTranscripts, formatMismatches } from '../../tests/lib/normalize';
import { parseTranscript } from '../../tests/lib/transcript';

const args = process.argv.slice(2);
const show = args.includes('--show');
const [expectedPath, actualPath] = args.filter((a) => a !== '--show');
if (!expectedPath || !actualPath) {
  process.stderr.write('usage: compare.ts <expected.jsonl|dir> <actual.jsonl|dir> [--show]\n');
  process.exit(2);
}

const pairs: Array<[string, string]> = statSync(expectedPath).isDirectory()
  ? readdirSync(expectedPath)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
      .map((f) => [join(expectedPath, f), join(actualPath, f)])
  : [[expectedPath, actualPath]];

let failures = 0;
for (const [e, a] of pairs) {
  const name = basename(e, '.jsonl');
  if (!existsSync(a)) {
    console.log(`missing  ${name}`);
    failures++;
    continue;
  }
  const expected = parseTranscript(readFileSync(e, 'utf8'));
  const actual = parseTranscript(readFileSync(a, 'utf8'));
  const mismatches = compareTranscripts(expected, actual);
  if (mismatches.length === 0) {
    console.log(`same     ${name} (${expected.length} steps)`);
  } else {
    failures++;
    console.log(`differs  ${name} (${mismatches.length} difference(s))`);
    if (show) console.log(formatMismatches(mismatches, expected).replace(/^/gm, '    '));
  }
}
console.log(`${pairs.length - failures}/${pairs.length} same`);
process.exit(failures === 0 ? 0 : 1);
