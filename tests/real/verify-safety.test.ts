// The verify mode never touches what it did not create. Before a run, unlabelled containers
// (stopped and running), images, volumes and a network are made; setup, check and clean run for
// an exercise that creates every kind of object; the unlabelled objects' inspect JSON must be
// byte-for-byte the same after each command. Objects a learner makes from a Layerlab image
// inherit its label: clean must leave those alone too. Skipped when no engine is available.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixture } from './lib/verify-fixture';
import { docker, dockerIsUp, dockerQuiet, labelled, snapshot, verify, type Kind } from './lib/verify-run';

const available = dockerIsUp();
const P = `llsafe-${randomBytes(3).toString('hex')}`;
const fixture = makeFixture(`${P}-fx`);
const exercises = [fixture];
const root = mkdtempSync(join(tmpdir(), 'layerlab-verify-safety-'));

/** The learner's own objects, made before verify runs. */
const mine: { kind: Kind; ref: string }[] = [
  { kind: 'container', ref: `${P}-stopped` },
  { kind: 'container', ref: `${P}-running` },
  { kind: 'image', ref: `${P}-img:1` },
  { kind: 'image', ref: `${P}-img:2` },
  { kind: 'volume', ref: `${P}-vol` },
  { kind: 'network', ref: `${P}-net` },
];
/** Objects a learner makes from the exercise's image (they inherit its label). */
const inherited: { kind: Kind; ref: string }[] = [
  { kind: 'container', ref: `${P}-from-lab` },
  { kind: 'image', ref: `${P}-child:1` },
];

function removeAll(): void {
  dockerQuiet(['rm', '-f', '-v', `${P}-stopped`, `${P}-running`, `${P}-from-lab`, `${P}-conflict`]);
  dockerQuiet(['rmi', `${P}-img:1`, `${P}-img:2`, `${P}-child:1`]);
  dockerQuiet(['volume', 'rm', `${P}-vol`]);
  dockerQuiet(['network', 'rm', `${P}-net`]);
}

describe.skipIf(!available)('verify touches only what it created', () => {
  let before: Record<string, string | null> = {};
  let lab: Record<string, string | null> = {};

  beforeAll(async () => {
    docker(['create', '--name', `${P}-stopped`, '--label', 'owner=learner', 'busybox', 'sh', '-c', 'echo mine']);
    docker(['run', '-d', '--name', `${P}-running`, '-v', `${P}-vol:/keep`, 'busybox', 'sleep', '3600']);
    docker(['exec', `${P}-running`, 'sh', '-c', 'echo precious > /keep/file']);
    docker(['commit', `${P}-stopped`, `${P}-img:1`]);
    docker(['tag', `${P}-img:1`, `${P}-img:2`]);
    docker(['network', 'create', `${P}-net`]);
    docker(['network', 'connect', `${P}-net`, `${P}-running`]);
    before = await snapshot([...mine, { kind: 'image', ref: 'busybox:latest' }]);
    expect(Object.values(before).every((v) => v !== null)).toBe(true);
  }, 120_000);

  afterAll(async () => {
    await verify(['clean', fixture.id], exercises, root).catch(() => undefined);
    removeAll();
    rmSync(root, { recursive: true, force: true });
  }, 120_000);

  const unchanged = async () => expect(await snapshot([...mine, { kind: 'image', ref: 'busybox:latest' }])).toEqual(before);

  it('setup refuses a name that is the learner\'s, and changes nothing', async () => {
    docker(['create', '--name', `${P}-fx-web`, 'busybox', 'true']);
    const conflict = await snapshot([{ kind: 'container', ref: `${P}-fx-web` }]);
    const r = await verify(['setup', fixture.id], exercises, root);
    expect(r.code, r.out + r.err).toBe(2);
    expect(r.err).toContain(`a container named ${P}-fx-web already exists`);
    expect(await snapshot([{ kind: 'container', ref: `${P}-fx-web` }])).toEqual(conflict);
    expect(labelled(fixture.id)).toEqual({ container: [], image: [], volume: [], network: [] });
    docker(['rm', `${P}-fx-web`]);
    await unchanged();
  }, 120_000);

  it('setup labels everything it creates and leaves the rest as it was', async () => {
    const r = await verify(['setup', fixture.id], exercises, root);
    expect(r.code, r.out + r.err).toBe(0);
    const made = labelled(fixture.id);
    expect(made.container).toHaveLength(3);
    expect(made.image).toHaveLength(1);
    expect(made.volume.sort()).toEqual([`${P}-fx-cache`, `${P}-fx-data`]);
    expect(made.network).toHaveLength(1);
    await unchanged();
  }, 300_000);

  it('check passes after the solution, reads without changing anything', async () => {
    const fail = await verify(['check', fixture.id], exercises, root);
    expect(fail.code, fail.out).toBe(1);
    expect(fail.out).toContain('`/data/greeting` does not exist yet');
    docker(['exec', `${P}-fx-web`, 'sh', '-c', 'echo hello > /data/greeting']);
    const pass = await verify(['check', fixture.id], exercises, root);
    expect(pass.code, pass.out).toBe(0);
    await unchanged();
  }, 120_000);

  it('clean removes what setup created, and not what a learner made from it', async () => {
    docker(['run', '-d', '--name', `${P}-from-lab`, `${P}-fx-app:1`]);
    docker(['build', '-q', '-t', `${P}-child:1`, '-'], { input: `FROM ${P}-fx-app:1\nRUN echo child > /child\n` });
    lab = await snapshot(inherited);
    expect(JSON.parse(lab[`container ${P}-from-lab`] ?? '{}').Config.Labels['io.layerlab.verify']).toBe(fixture.id);

    const first = await verify(['clean', fixture.id], exercises, root);
    // the image stays: the learner's container runs from it and the learner's image is built on it
    expect(first.code, first.out + first.err).toBe(2);
    expect(first.out).toMatch(new RegExp(`Kept[^\n]*\n  tag ${P}-fx-app:\\S+: conflict`));
    expect(first.out).toContain(`container ${P}-from-lab`);
    expect(await snapshot(inherited)).toEqual(lab);
    await unchanged();
    expect(labelled(fixture.id).container).toEqual(docker(['ps', '-aq', '--filter', `name=^${P}-from-lab$`]).split('\n').filter(Boolean));

    docker(['rm', '-f', `${P}-from-lab`]);
    docker(['rmi', `${P}-child:1`]);
    const second = await verify(['clean'], exercises, root);
    expect(second.code, second.out + second.err).toBe(0);
    expect(labelled(fixture.id)).toEqual({ container: [], image: [], volume: [], network: [] });
    await unchanged();
  }, 300_000);

  it('the learner\'s own objects are intact, then removed by the test', async () => {
    expect(docker(['exec', `${P}-running`, 'cat', '/keep/file'])).toBe('precious\n');
    removeAll();
    expect(Object.values(await snapshot(mine)).every((v) => v === null)).toBe(true);
  }, 120_000);
});
