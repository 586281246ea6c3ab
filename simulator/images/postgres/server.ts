/**
 * The server side of the postgres model: `postgres` (the postmaster: checks its data directory,
 * logs as PostgreSQL does, starts its background processes, accepts connections and forks a
 * backend for each), `initdb` (makes a cluster in an empty directory) and `pg_ctl` (start and
 * stop a server in the background, as the image's entrypoint does during initialisation).
 *
 * Clients (psql) talk to the server over the simulated network in this model's own line
 * protocol (one JSON object a line), not PostgreSQL's wire protocol. A connection without
 * `-h` stands for the Unix socket /var/run/postgresql/.s.PGSQL.5432: it exists while the server
 * runs, and pg_hba.conf's `local` lines apply to it; others are TCP (`host` lines).
 */
import type { ProcessContext, Program } from "../../runtime/program";
import type { Process } from "../../runtime/process";
import { SIGNALS } from "../../runtime/signals";
import { readAll, readLine } from "../../runtime/streams";
import { netStack, type Listener } from "../../runtime/applets/net-stack";
import { NetError, type Socket } from "../../runtime/applets/net-socket";
import { userById } from "../../runtime/applets/lib/sys-users";
import { text } from "../../util/bytes";
import { Cluster, hbaMethod, passwordHash, PG_MAJOR, PG_VERSION, PG_VERSION_LONG, SOCKET, SUBDIRS } from "./cluster";
import { runStatement, splitStatements, SqlError, type Result } from "./sql";

export const PORT = 5432;
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function pgTime(ms: number, withMs = true): string {
  const d = new Date(ms);
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return withMs ? `${base}.${pad(d.getUTCMilliseconds(), 3)} UTC` : `${base} UTC`;
}

export interface Startup {
  user: string;
  database: string;
  local: boolean;
  password: string | null;
}

export type ServerReply = { ok: true } | { auth: "password" } | { fatal: string };

export interface QueryReply {
  results: Result[];
  error?: { message: string; position: number | null; detail: string | null; statement: string };
}

function dataDir(ctx: ProcessContext, args: string[]): string {
  const i = args.indexOf("-D");
  if (i >= 0 && args[i + 1]) return args[i + 1];
  const eq = args.find((a) => a.startsWith("--pgdata="));
  return eq ? eq.slice(9) : (ctx.env.PGDATA ?? "");
}

/** -c name=value settings (and `-o "-c ..."` passed through pg_ctl). */
function settings(args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "-c" && args[i + 1]) {
      const [k, ...v] = args[++i].split("=");
      out[k] = v.join("=").replace(/^'(.*)'$/, "$1");
    } else if (args[i].startsWith("--") && args[i].includes("=")) {
      const [k, ...v] = args[i].slice(2).split("=");
      out[k.replace(/-/g, "_")] = v.join("=");
    }
  }
  return out;
}

export const postgresProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (args.includes("--version") || args.includes("-V")) {
    await ctx.stdout.write(`postgres (PostgreSQL) ${PG_VERSION} (Debian ${PG_VERSION}-1.pgdg13+2)\n`);
    return 0;
  }
  if (ctx.proc.cred.uid === 0) {
    await ctx.stderr.write(`"root" execution of the PostgreSQL server is not permitted.\nThe server must be started under an unprivileged user ID to prevent\npossible system security compromise.  See the documentation for\nmore information on how to properly start the server.\n`);
    return 1;
  }
  const dir = dataDir(ctx, args);
  if (!dir) {
    await ctx.stderr.write("postgres does not know where to find the server configuration file.\nYou must specify the --config-file or -D invocation option or set the PGDATA environment variable.\n");
    return 2;
  }
  const cluster = new Cluster(ctx.fs, dir);
  if (!cluster.initialized()) {
    await ctx.stderr.write(`postgres: could not access the server configuration file "${dir}/postgresql.conf": No such file or directory\n`);
    return 2;
  }
  const conf = settings(args);
  const pid = ctx.proc.nsPid;
  const log = (p: number, level: string, msg: string) => ctx.stderr.write(`${pgTime(ctx.now())} [${p}] ${level}:  ${msg}\n`);
  const tcp = (conf.listen_addresses ?? "*") !== "";
  let listener: Listener;
  try {
    listener = netStack(ctx.kernel).listen(ctx.proc.ns.net, tcp ? "0.0.0.0" : "127.0.0.1", Number(conf.port ?? PORT), ctx.proc);
  } catch (e) {
    if (!(e instanceof NetError)) throw e;
    await log(pid, "LOG", `could not bind IPv4 address "0.0.0.0": Address already in use`);
    await log(pid, "FATAL", "could not create any TCP/IP sockets");
    return 1;
  }
  const previous = cluster.control();
  try {
    ctx.fs.writeFile(`${dir}/postmaster.pid`, `${pid}\n${dir}\n${Math.floor(ctx.now() / 1000)}\n${PORT}\n/var/run/postgresql\n${tcp ? "*" : ""}\n`, { mode: 0o600 });
    ctx.fs.writeFile(SOCKET, "", { mode: 0o777 });
    ctx.fs.writeFile(SOCKET + ".lock", `${pid}\n`, { mode: 0o600 });
  } catch {
    /* /var/run/postgresql not writable: the socket line below still reads as the server's */
  }
  await log(pid, "LOG", `starting ${PG_VERSION_LONG}`);
  if (tcp) await log(pid, "LOG", `listening on IPv4 address "0.0.0.0", port ${PORT}`);
  await log(pid, "LOG", `listening on Unix socket "${SOCKET}"`);
  const aux: Process[] = [];
  for (const name of ["checkpointer", "background writer", "walwriter", "autovacuum launcher", "logical replication launcher"]) {
    aux.push(ctx.spawn({ argv: [`postgres: ${name} `], program: (c) => c.proc.guard(new Promise<number>(() => {})) }));
  }
  const startup = aux[0].nsPid + aux.length;
  if (previous.state === "in production" && previous.time) {
    await log(startup, "LOG", `database system was interrupted; last known up at ${pgTime(previous.time, false)}`);
    await log(startup, "LOG", "database system was not properly shut down; automatic recovery in progress");
    await log(startup, "LOG", "redo starts at 0/1A0E5B8");
    await log(startup, "LOG", "redo done at 0/1A0E5F0 system usage: CPU: user: 0.00 s, system: 0.00 s, elapsed: 0.00 s");
  } else await log(startup, "LOG", `database system was shut down at ${pgTime(previous.time || ctx.now(), false)}`);
  cluster.setControl({ ...cluster.control(), state: "in production", time: ctx.now() });
  await log(pid, "LOG", "database system is ready to accept connections");

  const backends = new Set<Process>();
  const serve = (sock: Socket) => {
    const b = ctx.spawn({ argv: ["postgres: startup "], program: (bctx) => backend(bctx, cluster, sock, log, tcp) });
    backends.add(b);
    void b.exited.then(() => backends.delete(b));
  };
  void (async () => {
    for (;;) {
      const s = await ctx.proc.guard(listener.accept());
      if (!s) return;
      serve(s);
      await ctx.tick();
    }
  })().catch(() => {});

  for (const s of [SIGNALS.TERM, SIGNALS.INT, SIGNALS.QUIT, SIGNALS.HUP]) ctx.proc.handlers.set(s, "catch");
  let sig: number;
  for (;;) {
    while (ctx.proc.pending.length === 0) await ctx.proc.guard(ctx.proc.nextSignal());
    sig = ctx.proc.pending.shift()!;
    if (sig === SIGNALS.HUP) {
      await log(pid, "LOG", "received SIGHUP, reloading configuration files");
      continue;
    }
    break;
  }
  listener.close();
  if (sig === SIGNALS.QUIT) {
    await log(pid, "LOG", "received immediate shutdown request");
  } else {
    await log(pid, "LOG", sig === SIGNALS.TERM ? "received smart shutdown request" : "received fast shutdown request");
    if (sig === SIGNALS.INT) await log(pid, "LOG", "aborting any active transactions");
  }
  for (const b of backends) ctx.kernel.signal(b, SIGNALS.KILL);
  const launcher = aux[aux.length - 1];
  ctx.kernel.signal(launcher, SIGNALS.KILL);
  if (sig !== SIGNALS.QUIT) {
    await log(pid, "LOG", `background worker "logical replication launcher" (PID ${launcher.nsPid}) exited with exit code 1`);
    await log(aux[0].nsPid, "LOG", "shutting down");
    await log(aux[0].nsPid, "LOG", "checkpoint starting: shutdown immediate");
    await log(aux[0].nsPid, "LOG", "checkpoint complete: wrote 3 buffers (0.0%), wrote 3 SLRU buffers; 0 WAL file(s) added, 0 removed, 0 recycled; write=0.002 s, sync=0.001 s, total=0.005 s; sync files=2, longest=0.001 s, average=0.001 s; distance=0 kB, estimate=0 kB; lsn=0/1A0E668, redo lsn=0/1A0E668");
    cluster.setControl({ ...cluster.control(), state: "shut down", time: ctx.now() });
  }
  for (const a of aux) ctx.kernel.signal(a, SIGNALS.KILL);
  for (const p of [SOCKET, SOCKET + ".lock", `${dir}/postmaster.pid`]) {
    try {
      ctx.fs.unlink(p);
    } catch {
      /* gone */
    }
  }
  await log(pid, "LOG", "database system is shut down");
  return 0;
};

async function backend(ctx: ProcessContext, cluster: Cluster, sock: Socket, log: (p: number, l: string, m: string) => Promise<void>, tcp: boolean): Promise<number> {
  const me = ctx.proc.nsPid;
  const send = (o: unknown) => sock.output.write(JSON.stringify(o) + "\n");
  try {
    const first = await ctx.proc.guard(readLine(sock.input));
    if (first === null) return 0;
    const st = JSON.parse(first) as Startup;
    const local = st.local && sock.remote.ip.startsWith("127.");
    if (!local && !tcp) {
      sock.reset();
      return 0;
    }
    const fatal = async (msg: string, detail?: string) => {
      await log(me, "FATAL", msg);
      if (detail) await log(me, "DETAIL", detail);
      await send({ fatal: msg });
    };
    let hba = "";
    try {
      hba = text(ctx.fs.readFile(`${cluster.dir}/pg_hba.conf`));
    } catch {
      /* no file: nothing matches */
    }
    const method = hbaMethod(hba, local, sock.remote.ip, st.database, st.user);
    if (method === null) {
      await fatal(`no pg_hba.conf entry for host "${sock.remote.ip}", user "${st.user}", database "${st.database}", no encryption`);
      return 0;
    }
    const role = cluster.roles().find((r) => r.name === st.user);
    if (method !== "trust") {
      if (st.password === null) {
        await send({ auth: "password" });
        return 0;
      }
      if (!role || !role.password || role.password !== passwordHash(st.user, st.password)) {
        const lines = hba.split("\n");
        const n = lines.findIndex((l) => /^\s*host\s+all\s+all\s+all\s/.test(l));
        await fatal(`password authentication failed for user "${st.user}"`, role ? `Connection matched file "${cluster.dir}/pg_hba.conf" line ${n + 1}: "${lines[n] ?? ""}"` : `Role "${st.user}" does not exist.\n\tConnection matched file "${cluster.dir}/pg_hba.conf" line ${n + 1}: "${lines[n] ?? ""}"`);
        return 0;
      }
    }
    if (!role) {
      await fatal(`role "${st.user}" does not exist`);
      return 0;
    }
    const db = cluster.open(st.database, st.user, () => ctx.now());
    if (!db) {
      await fatal(`database "${st.database}" does not exist`);
      return 0;
    }
    ctx.proc.argv = [`postgres: ${st.user} ${st.database} ${local ? "[local]" : `${sock.remote.ip}(${sock.remote.port})`} idle`];
    ctx.proc.comm = "postgres";
    await send({ ok: true });
    for (;;) {
      const line = await ctx.proc.guard(readLine(sock.input));
      if (line === null) break;
      const msg = JSON.parse(line) as { q?: string; meta?: "tables" | "databases" };
      if (msg.meta) {
        await send({ names: msg.meta === "tables" ? db.tables().map((t) => t.name).sort() : cluster.databases().map((d) => d.name).filter((n) => n !== "template0" && n !== "template1").sort() });
        continue;
      }
      const q = msg.q ?? "";
      const reply: QueryReply = { results: [] };
      for (const s of splitStatements(q)) {
        try {
          reply.results.push(runStatement(s.text, db));
        } catch (e) {
          if (!(e instanceof SqlError)) throw e;
          const position = e.position === null ? null : e.position + s.offset;
          reply.error = { message: e.message, position, detail: e.detail, statement: s.text.trim() };
          await log(me, "ERROR", e.message + (position !== null ? ` at character ${position}` : ""));
          if (e.detail) await log(me, "DETAIL", e.detail);
          await log(me, "STATEMENT", s.text.trim() + ";");
          break;
        }
        await ctx.tick();
      }
      await send(reply);
    }
  } catch (e) {
    if (!(e instanceof NetError) && !(e instanceof SyntaxError) && !(e instanceof Error && e.name === "BrokenPipe")) throw e;
  } finally {
    sock.close();
  }
  return 0;
}

const HBA = `# PostgreSQL Client Authentication Configuration File
# ===================================================
#
# Refer to the "Client Authentication" section in the PostgreSQL
# documentation for a complete description of this file.

# TYPE  DATABASE        USER            ADDRESS                 METHOD

# "local" is for Unix domain socket connections only
local   all             all                                     trust
# IPv4 local connections:
host    all             all             127.0.0.1/32            trust
# IPv6 local connections:
host    all             all             ::1/128                 trust
# Allow replication connections from localhost, by a user with the
# replication privilege.
local   replication     all                                     trust
host    replication     all             127.0.0.1/32            trust
host    replication     all             ::1/128                 trust
`;

const POSTGRESQL_CONF = `# -----------------------------
# PostgreSQL configuration file
# -----------------------------
#
# This file consists of lines of the form:
#
#   name = value

listen_addresses = '*'
max_connections = 100			# (change requires restart)
shared_buffers = 128MB			# min 128kB
dynamic_shared_memory_type = posix	# the default is usually the first option
max_wal_size = 1GB
min_wal_size = 80MB
log_timezone = 'Etc/UTC'
datestyle = 'iso, mdy'
timezone = 'Etc/UTC'
lc_messages = 'en_US.utf8'		# locale for system error message
lc_monetary = 'en_US.utf8'		# locale for monetary formatting
lc_numeric = 'en_US.utf8'		# locale for number formatting
lc_time = 'en_US.utf8'			# locale for time formatting
default_text_search_config = 'pg_catalog.english'
`;

export const initdbProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let user: string | null = null;
  let pwfile: string | null = null;
  let dir = "";
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith("--username=")) user = a.slice(11);
    else if (a === "-U" || a === "--username") user = args[++i];
    else if (a.startsWith("--pwfile=")) pwfile = a.slice(9);
    else if (a === "-D" || a === "--pgdata") dir = args[++i];
    else if (a.startsWith("--pgdata=")) dir = a.slice(9);
    else if (a === "--version" || a === "-V") {
      await ctx.stdout.write(`initdb (PostgreSQL) ${PG_VERSION} (Debian ${PG_VERSION}-1.pgdg13+2)\n`);
      return 0;
    } else if (!a.startsWith("-") && !dir) dir = a;
  }
  dir = dir || ctx.env.PGDATA || "";
  if (!dir) {
    await ctx.stderr.write('initdb: error: no data directory specified\ninitdb: hint: You must identify the directory where the data for this database system will reside.  Do this with either the invocation option -D or the environment variable PGDATA.\n');
    return 1;
  }
  if (ctx.proc.cred.uid === 0) {
    await ctx.stderr.write('initdb: error: cannot be run as root\ninitdb: hint: Please log in (using, e.g., "su") as the (unprivileged) user that will own the server process.\n');
    return 1;
  }
  const owner = userById(ctx.fs, ctx.proc.cred.uid)?.name ?? String(ctx.proc.cred.uid);
  user = user || owner;
  let entries: string[] = [];
  try {
    entries = ctx.fs.readdir(dir);
  } catch {
    ctx.fs.mkdir(dir, 0o700);
  }
  if (entries.length) {
    await ctx.stderr.write(`initdb: error: directory "${dir}" exists but is not empty\ninitdb: hint: If you want to create a new database system, either remove or empty the directory "${dir}" or run initdb with an argument other than "${dir}".\n`);
    return 1;
  }
  let password: string | null = null;
  if (pwfile) {
    try {
      password = (pwfile === "/dev/stdin" ? text(await readAll(ctx.stdin)) : text(ctx.fs.readFile(pwfile))).split("\n")[0];
    } catch {
      await ctx.stderr.write(`initdb: error: could not open file "${pwfile}" for reading: No such file or directory\n`);
      return 1;
    }
  }
  const out = (s: string) => ctx.stdout.write(s);
  await out(`The files belonging to this database system will be owned by user "${owner}".\nThis user must also own the server process.\n\n`);
  await out(`The database cluster will be initialized with locale "en_US.utf8".\nThe default database encoding has accordingly been set to "UTF8".\nThe default text search configuration will be set to "english".\n\nData page checksums are disabled.\n\n`);
  await out(`fixing permissions on existing directory ${dir} ... ok\n`);
  try {
    ctx.fs.chmod(dir, 0o700);
  } catch {
    /* not the owner: initdb would have failed earlier on a real system */
  }
  for (const d of SUBDIRS) ctx.fs.mkdir(`${dir}/${d}`, 0o700);
  await out("creating subdirectories ... ok\nselecting dynamic shared memory implementation ... posix\nselecting default \"max_connections\" ... 100\nselecting default \"shared_buffers\" ... 128MB\nselecting default time zone ... Etc/UTC\ncreating configuration files ... ok\n");
  const w = (p: string, s: string) => ctx.fs.writeFile(`${dir}/${p}`, s, { mode: 0o600 });
  w("PG_VERSION", `${PG_MAJOR}\n`);
  w("postgresql.conf", POSTGRESQL_CONF);
  w("postgresql.auto.conf", "# Do not edit this file manually!\n# It will be overwritten by the ALTER SYSTEM command.\n");
  w("pg_hba.conf", HBA);
  w("pg_ident.conf", "# PostgreSQL User Name Maps\n# =========================\n\n# MAPNAME       SYSTEM-USERNAME         PG-USERNAME\n");
  const cluster = new Cluster(ctx.fs, dir);
  cluster.setControl({ state: "shut down", time: ctx.now(), nextOid: 16384 });
  w("global/1262", "1\ttemplate1\n4\ttemplate0\n5\tpostgres\n");
  for (const oid of [1, 4, 5]) w(`base/${oid}/1259`, "");
  cluster.setRoles([{ name: user, password: password ? passwordHash(user, password) : null }]);
  await out("running bootstrap script ... ok\nperforming post-bootstrap initialization ... ok\nsyncing data to disk ... ok\n\n\n");
  await out(`Success. You can now start the database server using:\n\n    pg_ctl -D ${dir} -l logfile start\n\n`);
  await ctx.stderr.write('initdb: warning: enabling "trust" authentication for local connections\ninitdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.\n');
  return 0;
};

/** pg_ctl start|stop|status -D dir [-w] [-m fast|smart|immediate] [-o "options"]. */
export const pgCtlProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let dir = ctx.env.PGDATA ?? "";
  let mode = "fast";
  let opts: string[] = [];
  let action = "";
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-D") dir = args[++i];
    else if (a === "-m") mode = args[++i];
    else if (a === "-o") opts = (args[++i] ?? "").match(/'[^']*'|\S+/g)?.map((x) => x.replace(/^'(.*)'$/, "$1")) ?? [];
    else if (a === "-w" || a === "-W" || a === "-s" || a === "--silent") continue;
    else if (a === "-l") i++;
    else if (!a.startsWith("-")) action = a;
  }
  const pidFile = `${dir}/postmaster.pid`;
  const running = (): Process | null => {
    try {
      const pid = Number(text(ctx.fs.readFile(pidFile)).split("\n")[0]);
      return ctx.proc.ns.pid.members.get(pid) ?? null;
    } catch {
      return null;
    }
  };
  if (action === "start") {
    await ctx.stdout.write("waiting for server to start....");
    const server = ctx.spawn({ argv: ["postgres", "-D", dir, ...opts], program: postgresProgram });
    for (let i = 0; i < 60 && !running() && server.alive; i++) await ctx.sleep(100);
    if (!running()) {
      await ctx.stdout.write(" stopped waiting\npg_ctl: could not start server\nExamine the log output.\n");
      return 1;
    }
    await ctx.stdout.write(" done\nserver started\n");
    return 0;
  }
  if (action === "stop") {
    const p = running();
    if (!p) {
      await ctx.stderr.write(`pg_ctl: PID file "${pidFile}" does not exist\nIs server running?\n`);
      return 1;
    }
    await ctx.stdout.write("waiting for server to shut down....");
    ctx.kernel.signal(p, mode === "smart" ? SIGNALS.TERM : mode === "immediate" ? SIGNALS.QUIT : SIGNALS.INT);
    await ctx.proc.guard(p.exited);
    await ctx.stdout.write(" done\nserver stopped\n");
    return 0;
  }
  if (action === "status") {
    const p = running();
    await ctx.stdout.write(p ? `pg_ctl: server is running (PID: ${p.nsPid})\n/usr/lib/postgresql/${PG_MAJOR}/bin/postgres\n` : "pg_ctl: no server running\n");
    return p ? 0 : 3;
  }
  await ctx.stderr.write(`pg_ctl: no operation specified\nTry "pg_ctl --help" for more information.\n`);
  return 1;
};
