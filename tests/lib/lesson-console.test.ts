import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { consoleCommands, lessonTranscripts } from './lesson-console';

describe('consoleCommands', () => {
  it('reads commands and their output from console blocks only, in order', () => {
    const mdx = [
      '# Title',
      '```sh',
      'docker run --rm busybox echo not-a-transcript',
      '```',
      '```console',
      '$ docker run --rm busybox echo hi',
      'hi',
      '$ docker ps -a',
      'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES',
      '$ true',
      '```',
      'text',
      '   ```console title="second"',
      '   $ docker run --name web \\',
      '   >   busybox echo two',
      '   two',
      '',
      '   done',
      '   ```',
    ].join('\n');
    expect(consoleCommands(mdx)).toEqual([
      { cmd: 'docker run --rm busybox echo hi', output: 'hi\n' },
      { cmd: 'docker ps -a', output: 'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n' },
      { cmd: 'true', output: '' },
      { cmd: 'docker run --name web busybox echo two', output: 'two\n\ndone\n' },
    ]);
  });

  it('blocks marked replay=simulator are apart: left out of the real replay, the only ones for the simulator', () => {
    const mdx = ['```console', '$ docker ps -q', '```', '```console replay=simulator', '$ docker buildx version', 'v', '```'].join('\n');
    expect(consoleCommands(mdx)).toEqual([{ cmd: 'docker ps -q', output: '' }]);
    expect(consoleCommands(mdx, 'simulator')).toEqual([{ cmd: 'docker buildx version', output: 'v\n' }]);
  });

  it('a block without commands, or no blocks, gives nothing', () => {
    expect(consoleCommands('```console\njust text\n```\n')).toEqual([]);
    expect(consoleCommands('no code at all')).toEqual([]);
  });
});

describe('lessonTranscripts', () => {
  const root = mkdtempSync(join(tmpdir(), 'layerlab-lessons-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  it('lists the lessons that show commands', () => {
    for (const [slug, body] of [
      ['a-shows', '```console\n$ docker ps\nCONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n```\n'],
      ['b-none', 'words only\n'],
    ]) {
      mkdirSync(join(root, slug));
      writeFileSync(join(root, slug, 'index.mdx'), body);
    }
    expect(lessonTranscripts(root).map((l) => [l.slug, l.commands.length])).toEqual([['a-shows', 1]]);
  });
});
