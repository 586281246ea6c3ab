// The recorder's private Docker engine (scripts/record/engine.sh: its own dockerd, data root,
// network and mount namespaces) for tests that need a fresh engine: a run resets it to only
// busybox:latest, which must never happen to the engine other people use. Holds the recording
// lock while open, so that it never interleaves with scripts/record-goldens.sh.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../lib/corpus';

const RECORD = join(REPO_ROOT, 'scripts', 'record');
const LOCK = process.env.LAYERLAB_RECORD_LOCK ?? '/tmp/layerlab-record.lock';

/** Why the private engine cannot run here, or null when it can (root, iproute2, nsenter, unshare). */
export function privateEngineUnavailable(): string | null {
  if (process.env.LAYERLAB_ENGINE === 'shared') return 'LAYERLAB_ENGINE=shared (a fresh engine is needed; the shared one is never reset)';
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'the private engine needs root';
  const tools = spawnSync('sh', ['-c', 'command -v ip && command -v nsenter && command -v unshare && command -v flock'], { stdio: 'ignore' });
  return tools.status === 0 ? null : 'ip, nsenter, unshare or flock is missing';
}

export interface PrivateEngine {
  /** DOCKER_HOST, LAYERLAB_NETNS and LAYERLAB_MNTNS of the engine, and PATH with the recorder's docker first. */
  env: Record<string, string>;
  /** Back to only busybox:latest (no containers, other images, volumes, networks, build cache). */
  reset(): void;
  close(): Promise<void>;
}

function script(name: string, args: string[], env: Record<string, string> = {}): { status: number | null; output: string } {
  const r = spawnSync(join(RECORD, name), args, { env: { ...process.env, LAYERLAB_ENGINE: 'private', ...env }, encoding: 'utf8', timeout: 5 * 60_000 });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

async function takeLock(): Promise<ChildProcess> {
  // flock holds the lock for as long as `cat` runs; closing its stdin releases it
  const holder = spawn('flock', [LOCK, 'sh', '-c', 'echo locked; exec cat >/dev/null'], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    holder.stdout?.on('data', (b: Buffer) => {
      if (b.toString().includes('locked')) resolve();
    });
    holder.on('exit', (code) => reject(new Error(`flock ${LOCK} exited with ${code}`)));
  });
  return holder;
}

export async function openPrivateEngine(): Promise<PrivateEngine> {
  const holder = await takeLock();
  const release = () =>
    new Promise<void>((resolve) => {
      holder.once('exit', () => resolve());
      holder.stdin?.end();
    });
  try {
    const socket = /^DOCKER_HOST=(.*)$/m.exec(script('engine.sh', ['env']).output)?.[1] ?? '';
    const wasUp = socket !== '' && spawnSync('docker', ['info'], { env: { ...process.env, DOCKER_HOST: socket }, stdio: 'ignore', timeout: 20_000 }).status === 0;
    const up = script('engine.sh', ['up']);
    if (up.status !== 0) throw new Error(`the private engine did not start: ${up.output}`);
    const env: Record<string, string> = {};
    for (const line of script('engine.sh', ['env']).output.split('\n')) {
      const eq = line.indexOf('=');
      if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
    }
    const reset = () => {
      const r = script('reset-engine.sh', [], env);
      if (r.status !== 0) throw new Error(`resetting the private engine failed: ${r.output}`);
    };
    reset();
    const remember = script('reset-engine.sh', ['--remember'], env);
    if (remember.status !== 0) throw new Error(remember.output);
    // `docker build` is BuildKit, as on current Docker (the recorder's wrapper picks the client)
    env.PATH = `${join(RECORD, 'bin')}:${process.env.PATH ?? '/usr/bin:/bin'}`;
    return {
      env,
      reset,
      async close() {
        try {
          reset();
        } finally {
          if (!wasUp) script('engine.sh', ['down']);
          await release();
        }
      },
    };
  } catch (e) {
    await release();
    throw e;
  }
}

/**
 * Runs one command line with `sh -c` in `cwd`, inside the engine's network and mount namespaces
 * when it has them (published ports and bind-mount paths are the engine's), with a time limit.
 */
export function runLine(line: string, cwd: string, env: Record<string, string>, timeoutMs = 60_000): Promise<{ exit: number; stdout: string; stderr: string }> {
  const enter = [env.LAYERLAB_NETNS ? `--net=${env.LAYERLAB_NETNS}` : '', env.LAYERLAB_MNTNS ? `--mount=${env.LAYERLAB_MNTNS}` : ''].filter(Boolean);
  const [file, args] = enter.length > 0 ? ['nsenter', [...enter, `--wdns=${cwd}`, 'sh', '-c', line]] : ['sh', ['-c', line]];
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      cwd: enter.length > 0 ? '/' : cwd,
      env: { PATH: env.PATH ?? process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', LC_ALL: 'C', TZ: 'UTC', ...(env.DOCKER_HOST ? { DOCKER_HOST: env.DOCKER_HOST } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ exit: code ?? (signal ? 124 : 1), stdout, stderr });
    });
  });
}
