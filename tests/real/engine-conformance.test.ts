// The CheckEngine conformance cases (tests/engine/conformance-cases.ts, also run on the
// simulator by tests/engine/sim.test.ts) on the real engine: verify's DockerEngine over the
// Engine API, with the docker command making the objects. Skipped when no engine is available.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, describe } from 'vitest';
import { dockerOptions, resolveEndpoint, thisMachine } from '../../verify/connect';
import { CALL_TIMEOUT_MS, DockerEngine } from '../../verify/docker-engine';
import { engineConformance, type DockerRun } from '../engine/conformance-cases';
import { dockerIsUp } from './lib/verify-run';

const available = dockerIsUp();
const workDir = mkdtempSync(join(tmpdir(), 'layerlab-conformance-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function run(argv: string[]): Promise<DockerRun> {
  return new Promise((resolve) => {
    execFile('docker', argv, { encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => {
      const exit = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ exit, stdout, stderr });
    });
  });
}

describe.skipIf(!available)('real Docker', () => {
  engineConformance(
    'real docker (verify/docker-engine.ts)',
    async () => {
      const m = thisMachine();
      const engine = new DockerEngine(new Docker(dockerOptions(resolveEndpoint(m), m, CALL_TIMEOUT_MS)), { workDir });
      return { engine, run };
    },
    { prefix: 'llreal-' },
  );
});
