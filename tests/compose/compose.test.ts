// docker compose end to end on the simulated host: projects of the image models, the names,
// labels, networks and volumes Compose v2 gives them, and the flows the course teaches.
import { describe, expect, it } from 'vitest';
import { createHost } from '../../simulator/host/host';
import { rootCred } from '../../simulator/runtime/cred';

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

async function project(files: Record<string, string>, images: string[] = [], dir = '/root/app') {
  const h = createHost({ images });
  await h.run(`mkdir -p ${dir}`, { cred: rootCred(), cwd: '/' });
  for (const [name, content] of Object.entries(files)) {
    const path = `${dir}/${name}`;
    await h.run(`mkdir -p "$(dirname ${path})"`, { cred: rootCred(), cwd: '/' });
    h.machine.rootfs.writeFile(path.split('/').filter(Boolean), new TextEncoder().encode(content), { mode: 0o644 });
  }
  const run = (line: string) => h.run(line, { cwd: dir, cred: rootCred(), env: { PATH, HOME: '/root' } });
  return { h, run };
}

const DATA_STACK = `services:
  db:
    image: postgres:17
    environment:
      POSTGRES_PASSWORD: secret
      POSTGRES_DB: todos
    volumes:
      - db-data:/var/lib/postgresql/data
  cache:
    image: redis
  web:
    image: busybox
    command: sleep 3600
    depends_on:
      - db
      - cache
  client:
    image: postgres:17
    command: sleep 3600
    environment:
      PGPASSWORD: secret
    depends_on:
      - db
volumes:
  db-data:
`;

describe('docker compose: a project of services', () => {
  it('starts services in dependency order on <project>_default with Compose v2 names and progress', async () => {
    const { run } = await project({ 'compose.yaml': DATA_STACK }, ['postgres:17', 'redis']);
    const up = await run('docker compose up -d');
    expect(up.exit).toBe(0);
    expect(up.stdout).toBe('');
    expect(up.stderr).toBe(
      [
        ' Network app_default  Creating',
        ' Network app_default  Created',
        ' Volume "app_db-data"  Creating',
        ' Volume "app_db-data"  Created',
        ' Container app-cache-1  Creating',
        ' Container app-cache-1  Created',
        ' Container app-db-1  Creating',
        ' Container app-db-1  Created',
        ' Container app-client-1  Creating',
        ' Container app-client-1  Created',
        ' Container app-web-1  Creating',
        ' Container app-web-1  Created',
        ' Container app-cache-1  Starting',
        ' Container app-cache-1  Started',
        ' Container app-db-1  Starting',
        ' Container app-db-1  Started',
        ' Container app-client-1  Starting',
        ' Container app-client-1  Started',
        ' Container app-web-1  Starting',
        ' Container app-web-1  Started',
        '',
      ].join('\n'),
    );
    const labels = JSON.parse((await run("docker inspect -f '{{json .Config.Labels}}' app-web-1")).stdout);
    expect(labels).toMatchObject({
      'com.docker.compose.project': 'app',
      'com.docker.compose.service': 'web',
      'com.docker.compose.container-number': '1',
      'com.docker.compose.oneoff': 'False',
      'com.docker.compose.depends_on': 'db:service_started:false,cache:service_started:false',
      'com.docker.compose.project.working_dir': '/root/app',
      'com.docker.compose.project.config_files': '/root/app/compose.yaml',
      'com.docker.compose.version': '2.29.7',
    });
    expect(labels['com.docker.compose.config-hash']).toMatch(/^[0-9a-f]{64}$/);
    expect((await run("docker inspect -f '{{json .NetworkSettings.Networks.app_default.Aliases}}' app-db-1")).stdout).toBe('["app-db-1","db"]\n');
    expect((await run("docker network inspect -f '{{json .Labels}}' app_default")).stdout).toBe('{"com.docker.compose.network":"default","com.docker.compose.project":"app","com.docker.compose.version":"2.29.7"}\n');
    expect((await run("docker volume inspect -f '{{json .Labels}}' app_db-data")).stdout).toBe('{"com.docker.compose.project":"app","com.docker.compose.version":"2.29.7","com.docker.compose.volume":"db-data"}\n');
    const ps = await run('docker compose ps --format "{{.Name}} {{.Service}}"');
    expect(ps.stdout).toBe('app-cache-1 cache\napp-client-1 client\napp-db-1 db\napp-web-1 web\n');
    const table = (await run('docker compose ps')).stdout.split('\n');
    expect(table[0]).toMatch(/^NAME +IMAGE +COMMAND +SERVICE +CREATED +STATUS +PORTS$/);
    expect(table.slice(1, -1).map((l) => l.split(/ {2,}/)[0])).toEqual(['app-cache-1', 'app-client-1', 'app-db-1', 'app-web-1']);
  });

  it('lets a web service reach the database and the cache by service name', async () => {
    const { run } = await project({ 'compose.yaml': DATA_STACK }, ['postgres:17', 'redis']);
    await run('docker compose up -d && sleep 3');
    const redis = await run(`docker compose exec web sh -c 'printf "SET visits 1\\r\\nINCR visits\\r\\n" | nc cache 6379'`);
    expect(redis).toEqual({ exit: 0, stdout: '+OK\r\n:2\r\n', stderr: '' });
    const sql = await run(`docker compose exec client psql -h db -U postgres -d todos -c 'CREATE TABLE t (n int)' -c 'INSERT INTO t VALUES (7)' -tA -c 'SELECT n FROM t'`);
    expect(sql.stdout).toBe('CREATE TABLE\nINSERT 0 1\n7\n');
    expect((await run('docker compose exec web ping -c 1 -W 1 db')).stdout).toMatch(/^PING db \(172\.18\.0\.\d+\): 56 data bytes\n/);
    // another project cannot resolve this one's service names
    await run("mkdir /root/other && printf 'services:\\n  probe:\\n    image: busybox\\n    command: sleep 3600\\n' > /root/other/compose.yaml");
    await run('cd /root/other && docker compose up -d');
    const blocked = await run(`cd /root/other && docker compose exec probe sh -c 'nc cache 6379 </dev/null'`);
    expect(blocked.exit).not.toBe(0);
    expect(blocked.stderr).toBe("nc: bad address 'cache'\n");
  });

  it('runs one-off containers with compose run, and exec finds the running service', async () => {
    const { run } = await project({ 'compose.yaml': DATA_STACK }, ['postgres:17', 'redis']);
    await run('docker compose up -d cache');
    const r = await run("docker compose run --rm web sh -c 'echo one-off on $(hostname) && printf \"PING\\r\\n\" | nc cache 6379'");
    expect(r.exit).toBe(0);
    expect(r.stdout).toMatch(/^one-off on [0-9a-f]{12}\n\+PONG\r\n$/);
    expect(r.stderr).toContain(' Container app-db-1  Started\n');
    expect((await run("docker ps -a --filter label=com.docker.compose.oneoff=True --format '{{.Names}}'")).stdout).toBe('');
    const kept = await run("docker compose run web true; docker ps -a --filter label=com.docker.compose.oneoff=True --format '{{.Names}}'");
    expect(kept.stdout).toMatch(/^app-web-run-[0-9a-f]{12}\n$/);
    expect(await run('docker compose exec nosuch true')).toMatchObject({ exit: 1, stderr: 'service "nosuch" is not running\n' });
  });
});

describe('docker compose: volumes', () => {
  const STACK = `services:
  db:
    image: busybox
    command: sh -c 'mkdir -p /data && echo row1 > /data/table.txt && sleep 3600'
    volumes:
      - data:/data
volumes:
  data:
`;

  it('down keeps the named volumes; down -v removes them', async () => {
    const { run } = await project({ 'compose.yaml': STACK });
    await run('docker compose up -d');
    const down = await run('docker compose down');
    expect(down.stderr).toBe(' Container app-db-1  Stopping\n Container app-db-1  Stopped\n Container app-db-1  Removing\n Container app-db-1  Removed\n Network app_default  Removing\n Network app_default  Removed\n');
    expect((await run('docker volume ls -q')).stdout).toBe('app_data\n');
    await run('docker compose up -d');
    expect((await run('docker compose exec db cat /data/table.txt')).stdout).toBe('row1\n');
    const downV = await run('docker compose down -v');
    expect(downV.stderr).toContain(' Volume app_data  Removing\n Volume app_data  Removed\n');
    expect((await run('docker volume ls -q')).stdout).toBe('');
    expect((await run('docker network ls --filter name=app_ -q')).stdout).toBe('');
    const again = await run('docker compose down');
    expect(again.stderr).toMatch(/level=warning msg="Warning: No resource found to remove for project \\"app\\"."\n$/);
  });

  it("backs up a service's volume with tar through --volumes-from and restores it into a new volume", async () => {
    const { run } = await project({ 'compose.yaml': STACK.replace('    image: busybox\n', '    image: busybox\n    container_name: db\n') });
    await run('docker compose up -d && sleep 1');
    // the seed's command, word for word
    const backup = await run('docker run --rm --volumes-from db -v "$(pwd)":/backup busybox tar cvf /backup/db.tar /data');
    expect(backup.exit).toBe(0);
    expect(backup.stdout.split('\n').filter(Boolean).sort()).toEqual(['data/', 'data/table.txt']);
    expect((await run('tar tf db.tar')).stdout).toBe('data/\ndata/table.txt\n');
    await run('docker compose down -v');
    const restore = await run('docker run --rm -v restored:/data -v "$(pwd)":/backup busybox sh -c "cd / && tar xf /backup/db.tar"');
    expect(restore.exit).toBe(0);
    expect((await run('docker run --rm -v restored:/data busybox cat /data/table.txt')).stdout).toBe('row1\n');
  });

  it('keeps postgres data in a named volume across down and up; an anonymous volume loses it', async () => {
    const named = `services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: secret\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n`;
    const { run } = await project({ 'compose.yaml': named, 'anon/compose.yaml': 'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: secret\n' }, ['postgres:17']);
    const fill = `exec db psql -U postgres -c 'CREATE TABLE todos (title text)' -c "INSERT INTO todos VALUES ('milk')"`;
    const read = `exec db psql -U postgres -tA -c 'SELECT title FROM todos'`;
    await run('docker compose up -d && sleep 3');
    await run(`docker compose ${fill}`);
    await run('docker compose down && docker compose up -d && sleep 2');
    expect((await run(`docker compose ${read}`)).stdout).toBe('milk\n');
    // the image's VOLUME without a named volume: each new container gets a new anonymous volume
    await run('cd anon && docker compose up -d && sleep 3');
    await run(`cd anon && docker compose ${fill}`);
    await run('cd anon && docker compose down && docker compose up -d && sleep 3');
    const lost = await run(`cd anon && docker compose ${read}`);
    expect(lost.exit).toBe(1);
    expect(lost.stderr).toContain('ERROR:  relation "todos" does not exist');
  });
});

describe('docker compose: web servers', () => {
  it('serves a bind-mounted page from nginx to another container and to the host via the published port', async () => {
    const { run } = await project(
      {
        'compose.yaml': 'services:\n  web:\n    image: nginx\n    ports:\n      - "8080:80"\n    volumes:\n      - ./site:/usr/share/nginx/html:ro\n  probe:\n    image: busybox\n    command: sleep 3600\n',
        'site/index.html': '<h1>from the host</h1>\n',
      },
      ['nginx'],
    );
    await run('docker compose up -d');
    expect((await run('docker compose exec probe wget -qO- web')).stdout).toBe('<h1>from the host</h1>\n');
    expect((await run('wget -qO- localhost:8080')).stdout).toBe('<h1>from the host</h1>\n');
    const logs = await run('docker compose logs web');
    expect(logs.stdout).toMatch(/\nweb-1 {2}\| 172\.18\.0\.\d+ - - \[.*\] "GET \/ HTTP\/1\.1" 200 23 "-" "Wget" "-"\nweb-1 {2}\| 172\.18\.0\.1 - - \[.*\] "GET \/ HTTP\/1\.1" 200 23 "-" "Wget" "-"\n$/);
    await run("echo '<h1>edited</h1>' > site/index.html");
    expect((await run('wget -qO- localhost:8080')).stdout).toBe('<h1>edited</h1>\n');
  });

  it('builds a node service (build: .) and runs it with the todo app pattern', async () => {
    const { run } = await project(
      {
        'compose.yaml': 'services:\n  app:\n    build: .\n    ports:\n      - "3000:3000"\n    environment:\n      GREETING: hello\n',
        Dockerfile: 'FROM node:22-alpine\nWORKDIR /app\nCOPY package.json app.js ./\nRUN yarn install --production\nCMD ["node", "app.js"]\nEXPOSE 3000\n',
        'package.json': '{ "name": "todo", "version": "1.0.0" }\n',
        'app.js': "const http = require('http');\nhttp.createServer((req, res) => res.end(process.env.GREETING + ' from ' + req.url + '\\n')).listen(3000, () => console.log('Listening on port 3000'));\n",
      },
    );
    const up = await run('docker compose up -d --build');
    expect(up.exit).toBe(0);
    expect(up.stderr).toContain(' Container app-app-1  Started\n');
    expect((await run("docker images app-app --format '{{.Repository}}:{{.Tag}}'")).stdout).toBe('app-app:latest\n');
    expect((await run('wget -qO- localhost:3000/todos')).stdout).toBe('hello from /todos\n');
    expect((await run('docker compose logs --no-log-prefix app')).stdout).toBe('Listening on port 3000\n');
  });
});

describe('docker compose: commands and errors', () => {
  it('stop, start and restart print their events; up again leaves running containers', async () => {
    const { run } = await project({ 'compose.yaml': 'services:\n  a:\n    image: busybox\n    command: sleep 3600\n' });
    await run('docker compose up -d');
    expect((await run('docker compose up -d')).stderr).toBe(' Container app-a-1  Running\n');
    expect((await run('docker compose stop')).stderr).toBe(' Container app-a-1  Stopping\n Container app-a-1  Stopped\n');
    expect((await run('docker compose start')).stderr).toBe(' Container app-a-1  Starting\n Container app-a-1  Started\n');
    expect((await run('docker compose restart')).stderr).toBe(' Container app-a-1  Restarting\n Container app-a-1  Started\n');
    await run("printf 'services:\\n  a:\\n    image: busybox\\n    command: sleep 7200\\n' > compose.yaml");
    expect((await run('docker compose up -d')).stderr).toBe(' Container app-a-1  Recreate\n Container app-a-1  Recreated\n Container app-a-1  Starting\n Container app-a-1  Started\n');
  });

  it('uses -p, -f and container_name; container_name resolves in DNS', async () => {
    const { run } = await project({ 'stack.yml': 'services:\n  api:\n    image: busybox\n    container_name: the-api\n    command: sleep 3600\n  probe:\n    image: busybox\n    command: sleep 3600\n' });
    const up = await run('docker compose -p demo -f stack.yml up -d');
    expect(up.stderr).toContain(' Network demo_default  Created\n Container the-api  Creating\n');
    expect((await run('docker compose -p demo -f stack.yml exec probe ping -c 1 -W 1 the-api')).exit).toBe(0);
    expect((await run('docker compose -p demo -f stack.yml exec probe ping -c 1 -W 1 api')).exit).toBe(0);
    expect((await run("docker ps --format '{{.Names}}' | sort")).stdout).toBe('demo-probe-1\nthe-api\n');
  });

  it("fails as Compose does: no file, invalid file, unknown service", async () => {
    const { run } = await project({});
    expect(await run('docker compose up -d')).toEqual({ exit: 14, stdout: '', stderr: 'no configuration file provided: not found\n' });
    await run("printf 'services:\\n  web:\\n    image: nginx\\n   ports: [80]\\n' > compose.yaml");
    const bad = await run('docker compose config');
    expect(bad.exit).toBe(15);
    expect(bad.stderr).toMatch(/^failed to parse \/root\/app\/compose\.yaml: yaml: line 4: /);
    await run("printf 'services:\\n  web:\\n    image: busybox\\n' > compose.yaml");
    expect(await run('docker compose up -d nosuch')).toEqual({ exit: 1, stdout: '', stderr: 'no such service: nosuch\n' });
    expect((await run('docker compose version')).stdout).toBe('Docker Compose version v2.29.7\n');
  });

  it('an attached up follows the logs with prefixes and reports exits', async () => {
    const { run } = await project({ 'compose.yaml': "services:\n  hello:\n    image: busybox\n    command: sh -c 'echo hi; echo there'\n  other:\n    image: busybox\n    command: echo done\n" });
    const r = await run('docker compose up');
    expect(r.exit).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Attaching to hello-1, other-1');
    expect(lines.filter((l) => l.startsWith('hello-1'))).toEqual(['hello-1  | hi', 'hello-1  | there', 'hello-1 exited with code 0']);
    expect(lines).toContain('other-1  | done');
  });
});

describe('docker compose: images', () => {
  it('pulls a missing image from the simulated Hub, with the service events', async () => {
    const { run } = await project({ 'compose.yaml': 'services:\n  cache:\n    image: redis\n' });
    const up = await run('docker compose up -d');
    expect(up.stderr).toMatch(/^ cache Pulling \n cache Pulled \n Network app_default {2}Creating\n/);
    expect((await run("docker images redis --format '{{.Tag}}'")).stdout).toBe('latest\n');
    const bad = await run("printf 'services:\\n  x:\\n    image: nosuchimage\\n' > compose.yaml && docker compose up -d");
    expect(bad.exit).toBe(18);
    expect(bad.stderr).toContain(" x Pulling \n x Error \nError response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n");
  });
});

describe('docker compose: build, logs -f and down --rmi', () => {
  it('builds <project>-<service>, follows logs until the containers stop, and removes built images with --rmi local', async () => {
    const { run } = await project({
      'compose.yaml': "services:\n  job:\n    build:\n      context: .\n      args:\n        WHO: compose\n    command: sh -c 'echo hello; sleep 2; echo bye'\n",
      Dockerfile: 'FROM busybox\nARG WHO\nRUN echo "built by $WHO" > /built.txt\n',
    });
    const b = await run('docker compose build');
    expect(b.exit).toBe(0);
    expect(b.stderr).toMatch(/naming to docker\.io\/library\/app-job/);
    expect((await run('docker run --rm app-job cat /built.txt')).stdout).toBe('built by compose\n');
    await run('docker compose up -d');
    const logs = await run('docker compose logs -f');
    expect(logs.stdout).toBe('job-1  | hello\njob-1  | bye\n');
    const down = await run('docker compose down --rmi local');
    expect(down.stderr).toContain(' Image app-job  Removing\n Image app-job  Removed\n');
    expect((await run("docker images app-job -q")).stdout).toBe('');
  });
});
