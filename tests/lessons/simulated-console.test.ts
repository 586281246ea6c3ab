// Console blocks marked ```console replay=simulator show what only the simulator can run on this
// machine (a registry, buildx builders, other platforms): each page's blocks are replayed in
// order in a fresh simulated host, and the page must show what the simulator prints (after
// normalising IDs, digests and times as the real-Docker comparison does). Every other console
// block is checked against real Docker by tests/real/exercises-real.test.ts.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../simulator/host/scenario';
import { lessonTranscripts } from '../lib/lesson-console';
import { compareTranscripts, formatMismatches } from '../lib/normalize';

const lessons = lessonTranscripts(undefined, 'simulator');

describe('simulator-only console blocks', () => {
  it('there is at least one (lesson 15 shows buildx and manifest lists)', () => {
    expect(lessons.map((l) => l.slug)).toContain('ecosystem');
  });

  for (const lesson of lessons) {
    it(`${lesson.slug}: the page shows what the simulator prints`, async () => {
      const sim = await runScenario(lesson.commands.map((c) => c.cmd), []);
      // both streams as a terminal shows them: stdout first unless the page starts with stderr's first line
      const printed = sim.map((s, i) => {
        const shown = lesson.commands[i].output;
        const errFirst = s.stdout && s.stderr && shown.startsWith(s.stderr.split('\n')[0]);
        return { ...s, stdout: errFirst ? s.stderr + s.stdout : s.stdout + s.stderr, stderr: '' };
      });
      const asShown = lesson.commands.map((c, i) => ({ cmd: c.cmd, exit: sim[i]?.exit ?? 0, stdout: c.output, stderr: '' }));
      const mismatches = compareTranscripts(printed, asShown);
      expect(mismatches, `${lesson.file} (expected: the simulator; actual: the page)\n${formatMismatches(mismatches, printed)}`).toEqual([]);
    }, 60_000);
  }
});
