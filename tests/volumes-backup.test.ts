// The seeds' backup pattern end to end on the simulated host: a database container's volume is
// archived with tar through --volumes-from into the working directory, the archive is checked
// from the host, and restoring it into a new volume brings the data back, also after the original
// container and its volume are gone.
import { describe, expect, it } from 'vitest';
import { createHost } from '../simulator/host/host';
import { rootCred } from '../simulator/runtime/cred';

const WORK = '/root/work';

async function host() {
  const h = createHost();
  await h.run(`mkdir -p ${WORK}`, { cred: rootCred(), cwd: '/' });
  const run = (line: string) => h.run(line, { cwd: WORK, cred: rootCred(), env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' } });
  return { h, run };
}

describe('volume backup and restore with tar (--volumes-from)', () => {
  it('backs up a running database container and restores into a new volume', async () => {
    const { run } = await host();
    expect((await run("docker run -d --name db -v /data busybox sh -c 'mkdir /data/sub && echo row1 > /data/table.txt && echo row2 > /data/sub/more.txt && sleep 300'")).exit).toBe(0);
    await run('sleep 1');

    const backup = await run('docker run --rm --volumes-from db -v "$(pwd)":/backup busybox tar cvf /backup/db.tar /data');
    expect(backup.exit).toBe(0);
    expect(backup.stderr).toBe("tar: removing leading '/' from member names\n");
    expect(backup.stdout.split('\n').filter(Boolean).sort()).toEqual(['data/', 'data/sub/', 'data/sub/more.txt', 'data/table.txt']);

    // the archive is on the host, readable there
    const listed = await run('tar tf db.tar | sort');
    expect(listed).toEqual({ exit: 0, stdout: 'data/\ndata/sub/\ndata/sub/more.txt\ndata/table.txt\n', stderr: '' });

    // the backup container was --rm: nothing of it is left, and its anonymous /backup bind is no volume
    expect((await run("docker ps -a --format '{{.Names}}'")).stdout).toBe('db\n');
    expect((await run('docker volume ls -q | wc -l')).stdout.trim()).toBe('1');

    const restore = await run('docker run --rm -v restored:/data -v "$(pwd)":/backup busybox sh -c "cd / && tar xf /backup/db.tar"');
    expect(restore.exit).toBe(0);
    expect(await run('docker run --rm -v restored:/data busybox cat /data/table.txt /data/sub/more.txt')).toEqual({ exit: 0, stdout: 'row1\nrow2\n', stderr: '' });

    // losing the original container and its anonymous volume does not touch the restored copy
    expect((await run('docker rm -f -v db')).exit).toBe(0);
    expect((await run('docker volume ls -q')).stdout).toBe('restored\n');
    expect((await run('docker run --rm -v restored:/data busybox cat /data/table.txt')).stdout).toBe('row1\n');
  });

  it('a restore into a volume that is mounted read-only fails with Read-only file system', async () => {
    const { run } = await host();
    await run("docker run --rm -v src:/data busybox sh -c 'echo x > /data/f'");
    await run('docker run --rm -v src:/data -v "$(pwd)":/backup busybox tar cf /backup/b.tar /data');
    const r = await run('docker run --rm -v dst:/data:ro -v "$(pwd)":/backup busybox sh -c "cd / && tar xf /backup/b.tar"');
    expect(r.exit).not.toBe(0);
    expect(r.stderr).toContain('Read-only file system');
    expect((await run('docker run --rm -v dst:/data busybox ls -A /data')).stdout).toBe('');
  });

  it('the backup of a named volume can be taken without the original container', async () => {
    const { run } = await host();
    await run("docker run --name writer -v appdata:/var/lib/app busybox sh -c 'echo state > /var/lib/app/s'");
    await run('docker rm writer');
    const r = await run('docker run --rm -v appdata:/data:ro -v "$(pwd)":/backup busybox tar cf /backup/app.tar -C /data .');
    expect(r.exit).toBe(0);
    expect((await run('tar tf app.tar | sort')).stdout).toBe('./\n./s\n');
    expect((await run('docker volume rm appdata')).stdout).toBe('appdata\n');
    await run('docker volume create appdata2');
    await run('docker run --rm -v appdata2:/data -v "$(pwd)":/backup busybox tar xf /backup/app.tar -C /data');
    expect((await run('docker run --rm -v appdata2:/data busybox cat /data/s')).stdout).toBe('state\n');
  });
});
