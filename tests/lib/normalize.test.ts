import { describe, expect, it } from 'vitest';
import { compareTranscripts, NormalizeContext, normalizeText, normalizeTranscript } from './normalize';
import { findTables } from './normalize-tables';
import { markersOf, parseSteps, parseTranscript, formatTranscript, type TranscriptStep } from './transcript';

const A64 = '0d7de7ac44ad0993c9e63e8957567efe8bfbd38b4f3630444e8e64d7401e7999';
const B64 = 'b9dd96f0d0016df88cb870bdd930769bd35ae3f51d23c8bdda77ba1560d67a40';
const C64 = '14b8dde91116ebaac748cba313916f9c556905432716b3000214cd9e53e81f48';

function norm(text: string, all = text): string {
  return normalizeText(text, new NormalizeContext(all));
}
function step(cmd: string, stdout = '', stderr = '', exit = 0): TranscriptStep {
  return { cmd, exit, stdout, stderr };
}

describe('IDs and digests', () => {
  it('numbers IDs by first appearance and keeps full and short forms apart', () => {
    const text = `${A64}\n${B64}\n${A64.slice(0, 12)} sha256:${B64}\n`;
    expect(norm(text)).toBe('<ID:1>\n<ID:2>\n<id:1> sha256:<ID:2>\n');
  });
  it('maps a short ID to its full ID seen anywhere in the transcript', () => {
    const steps = [step('docker ps -q', `${A64.slice(0, 12)}\n`), step('docker inspect', `${C64}\n${A64}\n`)];
    const n = normalizeTranscript(steps);
    expect(n[0].stdout).toBe('<id:1>\n');
    expect(n[1].stdout).toBe('<ID:2>\n<ID:1>\n');
  });
  it('leaves shorter and longer hex runs and words alone', () => {
    expect(norm('abcdef12345 abcdef1234567 deadbeefcafe0\n')).toBe('abcdef12345 abcdef1234567 deadbeefcafe0\n');
    expect(norm('exit code 137, size 1.98MB\n')).toBe('exit code 137, size 1.98MB\n');
  });
  it('keeps an ID inside a path recognisable', () => {
    expect(norm(`/var/lib/docker/overlay2/${A64}-init/diff\n`)).toBe('/var/lib/docker/overlay2/<ID:1>-init/diff\n');
  });
});

describe('names, dates, durations, ports, pids', () => {
  it('replaces generated names but not chosen ones', () => {
    expect(norm('goofy_albattani\n/eloquent_fermi3\nmy_app\nread_only\ncom.docker.network.bridge.default_bridge\n')).toBe(
      '<name:1>\n/<name:2>\nmy_app\nread_only\ncom.docker.network.bridge.default_bridge\n',
    );
  });
  it('replaces run-time dates and keeps the fixed ones', () => {
    expect(norm('2026-11-23T11:19:59.502249007Z x\n')).toBe('<date> x\n');
    expect(norm('2026-11-23 11:27:57 +0000 UTC\n')).toBe('<date>\n');
    expect(norm('0001-01-01T00:00:00Z\n2024-01-01T00:00:00Z\n')).toBe('0001-01-01T00:00:00Z\n2024-01-01T00:00:00Z\n');
  });
  it('replaces relative times in status texts only', () => {
    expect(norm('Up Less than a second\nUp 3 seconds (Paused)\nExited (137) About a minute ago\n')).toBe(
      'Up <duration>\nUp <duration> (Paused)\nExited (137) <duration> ago\n',
    );
    expect(norm('slept 3 seconds\n')).toBe('slept 3 seconds\n');
  });
  it('replaces ephemeral host ports but keeps chosen ones', () => {
    expect(norm('80/tcp -> 0.0.0.0:49153\n80/tcp -> [::]:49153\n0.0.0.0:8080->80/tcp\n')).toBe(
      '80/tcp -> 0.0.0.0:<port>\n80/tcp -> [::]:<port>\n0.0.0.0:8080->80/tcp\n',
    );
  });
  it('replaces the host pid in inspect JSON but not a zero pid', () => {
    expect(norm('"Pid": 12345,\n"Pid": 0,\n')).toBe('"Pid": <pid>,\n"Pid": 0,\n');
  });
  it('replaces the working directory', () => {
    expect(norm('path "/tmp/dsim/work/nope" not found\n')).toBe('path "<workdir>/nope" not found\n');
  });
});

describe('tables', () => {
  // Real `docker ps -a` output, and the same containers listed minutes later (other IDs too).
  const psNow = [
    'CONTAINER ID   IMAGE     COMMAND       CREATED                  STATUS                              PORTS     NAMES',
    'baf6421c5ce6   busybox   "true"        Less than a second ago   Exited (0) Less than a second ago             c1',
    '45ef6727b45d   busybox   "sleep 300"   Less than a second ago   Up Less than a second                         c2',
    '',
  ].join('\n');
  const psLater = [
    'CONTAINER ID   IMAGE     COMMAND       CREATED         STATUS                     PORTS     NAMES',
    '1b0cf7a6e8d2   busybox   "true"        3 minutes ago   Exited (0) 2 minutes ago             c1',
    '77aa0c1d9e04   busybox   "sleep 300"   3 minutes ago   Up 3 minutes                         c2',
    '',
  ].join('\n');
  it('recognises a tabwriter table and lays it out again after normalising cells', () => {
    expect(norm(psNow)).toBe(
      [
        'CONTAINER ID   IMAGE     COMMAND       CREATED          STATUS                      PORTS     NAMES',
        '<id:1>         busybox   "true"        <duration> ago   Exited (0) <duration> ago             c1',
        '<id:2>         busybox   "sleep 300"   <duration> ago   Up <duration>                         c2',
        '',
      ].join('\n'),
    );
  });
  it('gives the same text for the same table with other durations and IDs', () => {
    expect(norm(psLater)).toBe(norm(psNow));
  });
  it('keeps a changed cell as a difference', () => {
    expect(norm(psLater.replace('"sleep 300"', '"sleep 301"'))).not.toBe(norm(psNow));
    expect(norm(psLater.replace('Exited (0)', 'Exited (1)'))).not.toBe(norm(psNow));
  });
  it('does not take a misaligned table for a tabwriter table', () => {
    const bad = 'NAMES  STATUS\nc1  Up 2 seconds\n';
    expect(findTables(bad.split('\n'))).toEqual([]);
    const busyboxPs = 'PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 300\n';
    expect(findTables(busyboxPs.split('\n'))).toEqual([]);
    expect(norm(busyboxPs)).toBe(busyboxPs);
  });
  it('finds a wrong padding (a simulator table with 2 spaces is not a docker table)', () => {
    const twoSpaces = 'NAMES     STATUS\nc1        Created\n'.replace('NAMES     ', 'NAMES  ').replace('c1        ', 'c1     ');
    expect(norm(twoSpaces)).not.toBe(norm('NAMES     STATUS\nc1        Created\n'));
  });
  it('hides host pids and start times of docker top', () => {
    const top = [
      'UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD',
      'root                23412               23391               0                   11:27               ?                   00:00:00            sleep 300',
    ].join('\n');
    expect(norm(`${top}\n`)).toBe(
      [
        'UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD',
        'root                <pid>               <ppid>              <c>                 <stime>             ?                   00:00:00            sleep 300',
        '',
      ].join('\n'),
    );
  });
});

describe('BuildKit progress', () => {
  const run1 = [
    '#1 [internal] load build definition from Dockerfile',
    '#1 sha256:49b5dc7aab7e0c1b0c2c164c47a58b7542fa1f197e908379fb3ac52aee5a917a',
    '#1 transferring dockerfile: 168B done',
    '#1 DONE 0.0s',
    '',
    '#5 [2/3] RUN echo hi',
    '#5 0.215 hi',
    '#5 DONE 0.3s',
    '',
    '#4 [1/3] FROM docker.io/library/busybox',
    '#4 DONE 0.0s',
    '',
    '#6 [3/3] RUN true',
    '#6 CACHED',
    '',
    '#7 exporting to image',
    '#7 exporting layers 0.0s done',
    `#7 writing image sha256:${C64} done`,
    '#7 naming to docker.io/library/x:1 done',
    '#7 DONE 0.0s',
    '',
  ].join('\n');
  const run2 = run1
    .replace('#5 [2/3] RUN echo hi\n#5 0.215 hi\n#5 DONE 0.3s\n\n#4 [1/3] FROM docker.io/library/busybox\n#4 DONE 0.0s', '#3 [1/3] FROM docker.io/library/busybox\n#3 DONE 0.1s\n\n#4 [2/3] RUN echo hi\n#4 0.401 hi\n#4 DONE 0.5s')
    .replace('168B', '32B')
    .replace(/sha256:49b5\w+/, `sha256:${A64}`);
  it('compares vertices as a set, without numbers, digests lines, durations or sizes', () => {
    expect(norm(run2)).toBe(norm(run1));
    expect(norm(run1)).toContain('#vertex [2/3] RUN echo hi\n  <t> hi\n  DONE <t>');
  });
  it('a status line is the same with or without its duration, and without its progress prints', () => {
    const slow = run1
      .replace('#7 exporting layers 0.0s done', '#7 exporting layers\n#7 exporting layers 0.1s done')
      .replace(`#7 writing image sha256:${C64} done`, `#7 writing image sha256:${C64} 0.0s done`)
      .replace('#1 transferring dockerfile: 168B done', '#1 transferring dockerfile:\n#1 transferring dockerfile: 2B\n#1 transferring dockerfile: 168B done');
    expect(norm(slow)).toBe(norm(run1));
    expect(norm(run1.replace('#5 [2/3] RUN echo hi\n', '#5 [2/3] RUN echo hi\n#5 ...\n\n#5 [2/3] RUN echo hi\n'))).toBe(norm(run1));
    expect(norm(run1.replace('#6 CACHED\n', '#6 CACHED\n\n#6 [3/3] RUN true\n#6 CACHED\n'))).toBe(norm(run1));
    expect(norm(run1.replace('#5 0.215 hi\n', '#5 0.215 hi\n#5 0.216 hi\n'))).not.toBe(norm(run1));
    expect(norm(run1)).toContain('  exporting layers done\n');
    expect(norm(run1.replace('#7 exporting layers 0.0s done', '#7 exporting layers'))).not.toBe(norm(run1));
  });
  it("a FROM vertex stages share is the same whichever stage names it", () => {
    const stages = (from: string, state: string) =>
      `#3 [${from} 1/2] FROM docker.io/library/busybox\n#3 ${state}\n\n#4 [x 2/2] RUN echo x\n#4 DONE 0.1s\n\n#5 [y 2/2] RUN echo y\n#5 DONE 0.1s\n`;
    expect(norm(stages('y', 'CACHED'))).toBe(norm(stages('x', 'DONE 0.0s')));
    expect(norm(stages('x', 'DONE 0.0s'))).toContain('#vertex [<stage> 1/<n>] FROM docker.io/library/busybox\n  DONE <t>');
    expect(norm('#1 [1/2] FROM docker.io/library/busybox\n#1 CACHED\n')).toContain('[1/2] FROM docker.io/library/busybox\n  CACHED');
  });
  it('keeps CACHED and step output as meaning', () => {
    expect(norm(run1.replace('#6 CACHED', '#6 DONE 0.1s'))).not.toBe(norm(run1));
    expect(norm(run1.replace('#5 0.215 hi', '#5 0.215 ho'))).not.toBe(norm(run1));
    expect(norm(run1.replace('x:1 done', 'x:2 done'))).not.toBe(norm(run1));
  });
  it('keeps the error box and the final error text', () => {
    const failed = '#5 [2/2] RUN false\n#5 ERROR: executor failed running [/bin/sh -c false]: exit code: 1\n------\n > [2/2] RUN false:\n------\nexecutor failed running [/bin/sh -c false]: exit code: 1\n';
    expect(norm(failed)).toBe(
      '#vertex [2/2] RUN false\n  ERROR: executor failed running [/bin/sh -c false]: exit code: 1\n------\n > [2/2] RUN false:\n------\nexecutor failed running [/bin/sh -c false]: exit code: 1\n',
    );
  });
});

describe('transcripts', () => {
  const golden = [
    step('docker create --name dup busybox  # @nondeterministic', `${A64}\n`),
    step('docker create --name dup busybox', '', `Error response from daemon: Conflict. The container name "/dup" is already in use by container "${A64}".\n`, 1),
    step('docker ps -a --format {{.Names}}', 'dup\n'),
  ];
  const rerun = [
    step(golden[0].cmd, `${B64}\n`),
    step(golden[1].cmd, '', `Error response from daemon: Conflict. The container name "/dup" is already in use by container "${B64}".\n`, 1),
    step(golden[2].cmd, 'dup\n'),
  ];
  it('accepts another run with other IDs', () => {
    expect(compareTranscripts(golden, rerun)).toEqual([]);
  });
  it('reports exit codes, texts and step counts that differ', () => {
    const wrong = rerun.map((s) => ({ ...s }));
    wrong[1].exit = 125;
    wrong[2].stdout = 'dup2\n';
    const fields = compareTranscripts(golden, wrong).map((m) => `${m.step}:${m.field}`);
    expect(fields).toEqual(['1:exit', '2:stdout']);
    expect(compareTranscripts(golden, rerun.slice(0, 2))[0].field).toBe('steps');
  });
  it('notices when a different ID is reported where the same one was', () => {
    const wrong = rerun.map((s) => ({ ...s }));
    wrong[1].stderr = wrong[1].stderr.replace(B64, C64);
    expect(compareTranscripts(golden, wrong).map((m) => m.field)).toEqual(['stderr']);
  });
  it('reads markers', () => {
    expect(markersOf('docker ps  # @nondeterministic')).toEqual({ stdout: true, stderr: false });
    expect(markersOf('docker ps # @nondeterministic-stderr')).toEqual({ stdout: false, stderr: true });
    expect(markersOf('docker ps # @nondeterministic-both')).toEqual({ stdout: true, stderr: true });
    expect(markersOf("echo '# @nondeterministic' x")).toEqual({ stdout: false, stderr: false });
  });
  it('round-trips the JSONL layout and rejects malformed lines', () => {
    const text = formatTranscript(golden);
    expect(text.split('\n')[2]).toBe('{"cmd": "docker ps -a --format {{.Names}}", "exit": 0, "stdout": "dup\\n", "stderr": ""}');
    expect(parseTranscript(text)).toEqual(golden);
    expect(() => parseTranscript('{"cmd": "x"}\n')).toThrow(/line 1/);
    expect(() => parseTranscript('nope\n')).toThrow(/not JSON/);
  });
  it('splits steps.sh into description and steps', () => {
    expect(parseSteps('# what it shows\n\ndocker ps\n  # note\ndocker images  # @nondeterministic\n')).toEqual({
      description: 'what it shows',
      steps: ['docker ps', 'docker images  # @nondeterministic'],
    });
  });
});
