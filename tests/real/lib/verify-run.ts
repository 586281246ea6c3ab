// Helpers for the real-Docker tests of the verify mode: the docker command, snapshots of
// objects' inspect JSON, and the verify CLI run in-process on a chosen list of exercises.
import { execFileSync, spawnSync } from 'node:child_process';
import Docker from 'dockerode';
import type { Exercise } from '../../../simulator/check/exercise';
import { main } from '../../../verify/cli';
import { thisMachine } from '../../../verify/connect';

export function dockerIsUp(): boolean {
  return spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 20_000 }).status === 0;
}

/** `docker <args>` (an argument array); throws with stderr when it fails. */
export function docker(args: string[], opts: { cwd?: string; input?: string } = {}): string {
  return execFileSync('docker', args, { encoding: 'utf8', cwd: opts.cwd, input: opts.input, stdio: ['pipe', 'pipe', 'pipe'], timeout: 120_000 });
}

/** `docker <args>` that may fail (for cleanup). */
export function dockerQuiet(args: string[]): void {
  spawnSync('docker', args, { stdio: 'ignore', timeout: 60_000 });
}

export type Kind = 'container' | 'image' | 'volume' | 'network';

/** The inspect JSON of each object, as the Engine API sends it (null when it is gone). */
export async function snapshot(objects: readonly { kind: Kind; ref: string }[]): Promise<Record<string, string | null>> {
  const api = new Docker();
  const out: Record<string, string | null> = {};
  for (const { kind, ref } of objects) {
    const get = {
      container: () => api.getContainer(ref).inspect(),
      image: () => api.getImage(ref).inspect(),
      volume: () => api.getVolume(ref).inspect(),
      network: () => api.getNetwork(ref).inspect(),
    }[kind];
    try {
      out[`${kind} ${ref}`] = JSON.stringify(await get());
    } catch (e) {
      if ((e as { statusCode?: number }).statusCode !== 404) throw e;
      out[`${kind} ${ref}`] = null;
    }
  }
  return out;
}

export interface VerifyRun {
  code: number;
  out: string;
  err: string;
}

/** The verify CLI in this process, on `exercises`, with working folders under `root`. */
export async function verify(args: string[], exercises: readonly Exercise[], root: string, env: Record<string, string> = {}): Promise<VerifyRun> {
  let out = '';
  let err = '';
  const base = thisMachine();
  const code = await main(args, {
    io: { out: (t) => (out += t), err: (t) => (err += t) },
    machine: { ...base, env: { ...base.env, ...env, LAYERLAB_VERIFY_DIR: root } },
    exercises,
  });
  return { code, out, err };
}

/** Objects carrying the verify label with `id` (by kind), via the docker command. */
export function labelled(id: string): Record<Kind, string[]> {
  const filter = `label=io.layerlab.verify=${id}`;
  const lines = (s: string) => [...new Set(s.split('\n').filter(Boolean))];
  return {
    container: lines(docker(['ps', '-aq', '--filter', filter])),
    image: lines(docker(['images', '-q', '--filter', filter])),
    volume: lines(docker(['volume', 'ls', '-q', '--filter', filter])),
    network: lines(docker(['network', 'ls', '-q', '--filter', filter])),
  };
}
