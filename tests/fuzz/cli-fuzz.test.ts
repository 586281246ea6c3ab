// Throws 10,000 generated docker command lines at simulated hosts: nothing may throw, every run
// must end, and the engine must stay consistent (ps, images and inspect keep working).
import { describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../simulator/host/host';

function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % n;
  };
}

const VERBS = ['run', 'create', 'start', 'stop', 'kill', 'restart', 'rm', 'ps', 'logs', 'inspect', 'images', 'pause', 'unpause', 'wait', 'rename', 'exec', 'diff', 'top', 'port', 'tag', 'rmi', 'history', 'commit', 'export', 'import', 'save', 'load', 'cp', 'volume', 'network', 'container', 'image', 'system', 'build', 'attach', 'stats', 'nosuch', '--help', '-v'];
const FLAGS = ['-d', '-i', '-t', '-it', '--rm', '--name', 'x', '-e', 'A=1', '-eB=2', '--name=c1', '-p', '8080:80', '-dp', '80', '-v', '/data', '-v', 'vol:/v:ro', '--read-only', '-m', '6m', '--memory=abc', '--pids-limit', '3', '--restart', 'always', '--restart=on-failure:2', '-u', 'nobody', '-w', '/tmp', '--entrypoint', '', '--init', '-a', '-q', '-f', '--format', '{{.ID}}', '--format', '{{json .}}', '--format', '{{', '-t', '0', '-s', 'TERM', '--', '-', '--foo', '-z', '--network', 'none', '--cap-drop', 'ALL', '-l', 'k=v', '--no-trunc', '-n', '2'];
const REFS = ['busybox', 'busybox:latest', 'BusyBox', 'nosuch', 'x', 'c1', 'library/busybox', 'localhost:5000/a/b:1', 'a@sha256:abc', ':', '', 'sha256:', 'busybox:', '-', 'UPPER:tag', '12345', 'c1 c2'];
const CMDS = ['echo hi', 'true', 'false', 'sh -c "exit 3"', 'sleep 1', 'sleep 100', 'cat /etc/hostname', 'nosuchcmd', 'ls /', 'id', 'ps', 'sh -c "echo a; kill -TERM 1; echo b"', 'sh -c "seq 1 50 | wc -l"'];
// runaway commands: always detached in the generator, their limits have their own tests
const RUNAWAY = ['sh -c "while :; do :; done"', 'tail /dev/zero', 'yes'];

const RUN_FLAGS = ['-d', '--rm', '-e A=1', '-w /tmp', '-u nobody', '--init', '--read-only', '-m 8m', '--pids-limit 5', '--restart on-failure:2', '-v /data', '--network none', '--cap-drop ALL', '-h box'];

function line(r: (n: number) => number): string {
  if (r(3) === 0) {
    // a well-formed run, so that containers really start, loop, fail and get cleaned up
    const flags = Array.from({ length: r(3) }, () => RUN_FLAGS[r(RUN_FLAGS.length)]);
    if (r(10) === 0) return ['docker run -d', ...flags, 'busybox', RUNAWAY[r(RUNAWAY.length)]].join(' ');
    return ['docker run', ...flags, 'busybox', CMDS[r(CMDS.length)]].join(' ');
  }
  const parts = ['docker', VERBS[r(VERBS.length)]];
  const nFlags = r(4);
  for (let i = 0; i < nFlags; i++) parts.push(FLAGS[r(FLAGS.length)]);
  if (r(4) > 0) parts.push(REFS[r(REFS.length)]);
  if (r(2)) parts.push(CMDS[r(CMDS.length)]);
  return parts.map((p) => (p.includes(' ') && !p.startsWith('sh') ? `'${p}'` : p)).join(' ');
}

const TOTAL = 10_000;
const CHUNK = 1_000;
const exits = new Map<number, number>();
let ran = 0;

// One generator for the whole corpus (seeded, so a failure replays by index), run in chunks of
// 1,000 lines so that each test's time limit stays meaningful on a slow machine.
const r = rng(20241101);

describe('fuzz: docker command lines', () => {
  for (let start = 0; start < TOTAL; start += CHUNK) {
    it(`lines ${start + 1}-${start + CHUNK}: no throw, every run ends, state stays consistent`, async () => {
      let host: Host = createHost({ seed: start });
      for (let i = start; i < start + CHUNK; i++) {
        if (i % 50 === 0) host = createHost({ seed: i });
        const cmd = line(r);
        const res = await host.run(cmd, { limitMs: 2_000 });
        exits.set(res.exit, (exits.get(res.exit) ?? 0) + 1);
        expect(typeof res.exit).toBe('number');
        ran++;
        if (i % 500 === 499) {
          const ps = await host.run('docker ps -a -q', { limitMs: 10_000 });
          expect(ps.exit, `docker ps after line ${i + 1} (${cmd}): ${ps.stderr}`).toBe(0);
          const imgs = await host.run('docker images -q', { limitMs: 10_000 });
          expect(imgs.exit).toBe(0);
        }
      }
    }, 300_000);
  }

  it('ran the whole corpus, past argument parsing', () => {
    expect(ran).toBe(TOTAL);
    // successes and container exit codes both occur
    expect(exits.get(0) ?? 0).toBeGreaterThan(500);
    console.log('fuzz exit codes:', JSON.stringify([...exits].sort((a, b) => a[0] - b[0])));
  });
});
