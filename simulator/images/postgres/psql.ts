/**
 * psql of the postgres model: `psql [-h host] [-p port] [-U user] [-d db] [-c sql]... [-f file]
 * [-t] [-A] [-q] [dbname [user]]`, or statements from standard input (a prompt on a terminal).
 * Results print in psql's aligned format (centered headers, numbers right-aligned,
 * "(N rows)"); errors as psql prints them, with the LINE and caret. Meta-commands: \q, \dt, \l,
 * \c db, \conninfo. Connection errors use libpq's texts.
 */
import type { Program } from "../../runtime/program";
import { readAll, readLine } from "../../runtime/streams";
import { netStack } from "../../runtime/applets/net-stack";
import { NetError, type Socket } from "../../runtime/applets/net-socket";
import { resolveHost } from "../../runtime/applets/net-resolve";
import { userById } from "../../runtime/applets/lib/sys-users";
import { text } from "../../util/bytes";
import { SOCKET } from "./cluster";
import { PORT, type QueryReply, type ServerReply } from "./server";
import { show, type Result } from "./sql";

function center(s: string, w: number): string {
  const left = Math.floor((w - s.length) / 2);
  return " ".repeat(left) + s + " ".repeat(w - s.length - left);
}

/** psql's aligned table. */
export function formatTable(r: Result, opts: { tuplesOnly: boolean; unaligned: boolean; title?: string }): string {
  const cols = r.columns ?? [];
  const rows = (r.rows ?? []).map((row) => row.map(show));
  if (opts.unaligned) {
    const lines = [...(opts.tuplesOnly ? [] : [cols.map((c) => c.name).join("|")]), ...rows.map((x) => x.join("|"))];
    if (!opts.tuplesOnly) lines.push(`(${rows.length} row${rows.length === 1 ? "" : "s"})`);
    return lines.map((l) => l + "\n").join("");
  }
  const widths = cols.map((c, i) => Math.max(c.name.length, ...rows.map((x) => x[i].length)));
  const line = (cells: string[], head: boolean) => {
    const s = cells
      .map((v, i) => {
        const w = widths[i];
        const last = i === cells.length - 1;
        const cell = head ? center(v, w) : cols[i].numeric ? v.padStart(w) : last ? v : v.padEnd(w);
        return " " + cell + (last && !head ? "" : " ");
      })
      .join("|");
    return s;
  };
  let out = "";
  if (opts.title && !opts.tuplesOnly) {
    const total = widths.reduce((a, w) => a + w + 3, -1);
    out += center(opts.title, total).replace(/ +$/, "") + "\n";
  }
  if (!opts.tuplesOnly) {
    out += line(cols.map((c) => c.name), true) + "\n";
    out += widths.map((w) => "-".repeat(w + 2)).join("+") + "\n";
  }
  for (const row of rows) out += line(row, false) + "\n";
  if (!opts.tuplesOnly) out += `(${rows.length} row${rows.length === 1 ? "" : "s"})\n\n`;
  else out += "\n";
  return out;
}

/** "LINE 1: SELECT * FROM todos;\n                      ^" for an error position. */
function errorLines(sql: string, position: number | null): string {
  if (position === null) return "";
  const before = sql.slice(0, position - 1);
  const lineNo = before.split("\n").length;
  const lineStart = before.lastIndexOf("\n") + 1;
  const lineEnd = sql.indexOf("\n", lineStart);
  const lineText = sql.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  const prefix = `LINE ${lineNo}: `;
  return `${prefix}${lineText}\n${" ".repeat(prefix.length + (position - 1 - lineStart))}^\n`;
}

interface Conn {
  sock: Socket;
  db: string;
  user: string;
  host: string | null;
}

class Failed extends Error {}

export const psqlProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let host: string | null = ctx.env.PGHOST ?? null;
  let port = Number(ctx.env.PGPORT ?? PORT);
  let user: string | null = ctx.env.PGUSER ?? null;
  let dbname: string | null = ctx.env.PGDATABASE ?? null;
  const commands: string[] = [];
  let file: string | null = null;
  let tuplesOnly = false;
  let unaligned = false;
  let quiet = false;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const val = (long: string): string => (a.startsWith(long + "=") ? a.slice(long.length + 1) : a.length > 2 && a[1] !== "-" ? a.slice(2) : args[++i] ?? "");
    if (a === "--version" || a === "-V") {
      await ctx.stdout.write("psql (PostgreSQL) 17.11 (Debian 17.11-1.pgdg13+2)\n");
      return 0;
    } else if (a.startsWith("-h") || a.startsWith("--host")) host = val("--host");
    else if (a.startsWith("-p") || a.startsWith("--port")) port = Number(val("--port"));
    else if (a.startsWith("-U") || a.startsWith("--username")) user = val("--username");
    else if (a.startsWith("-d") || a.startsWith("--dbname")) dbname = val("--dbname");
    else if (a.startsWith("-c") || a.startsWith("--command")) commands.push(val("--command"));
    else if (a.startsWith("-f") || a.startsWith("--file")) file = val("--file");
    else if (a === "-t" || a === "--tuples-only") tuplesOnly = true;
    else if (a === "-A" || a === "--no-align") unaligned = true;
    else if (a === "-q" || a === "--quiet") quiet = true;
    else if (a === "-tA" || a === "-At") tuplesOnly = unaligned = true;
    else if (a === "-w" || a === "--no-password" || a === "-X" || a === "--no-psqlrc" || a === "-v" || a.startsWith("--set") || a === "-e" || a === "-a") {
      if (a === "-v" || a === "--set") i++;
    } else if (a.startsWith("-")) {
      await ctx.stderr.write(`psql: error: invalid option -- '${a.replace(/^-+/, "")}'\npsql: hint: Try "psql --help" for more information.\n`);
      return 1;
    } else positional.push(a);
  }
  if (positional[0] && !dbname) dbname = positional[0];
  if (positional[1] && !user) user = positional[1];
  user = user || userById(ctx.fs, ctx.proc.cred.uid)?.name || String(ctx.proc.cred.uid);
  dbname = dbname || user;
  const password = ctx.env.PGPASSWORD ?? null;
  const err = (s: string) => ctx.stderr.write(s);

  const where = (ip: string | null) => (host === null ? `connection to server on socket "${SOCKET}" failed` : `connection to server at "${host}" (${ip}), port ${port} failed`);
  const connect = async (db: string): Promise<Conn> => {
    let ip = "127.0.0.1";
    if (host === null) {
      if (!ctx.fs.exists(SOCKET)) {
        await err(`psql: error: ${where(null)}: No such file or directory\n\tIs the server running locally and accepting connections on that socket?\n`);
        throw new Failed();
      }
    } else {
      const r = await resolveHost(ctx, host);
      if (!r) {
        await err(`psql: error: could not translate host name "${host}" to address: Name or service not known\n`);
        throw new Failed();
      }
      ip = r;
    }
    let sock: Socket;
    try {
      sock = await ctx.proc.guard(netStack(ctx.kernel).connect(ctx.proc.ns.net, ip, port, { owner: ctx.proc }));
    } catch (e) {
      if (!(e instanceof NetError)) throw e;
      const hint = host === null ? "Is the server running locally and accepting connections on that socket?" : "Is the server running on that host and accepting TCP/IP connections?";
      await err(`psql: error: ${where(ip)}: ${e.message}\n\t${hint}\n`);
      throw new Failed();
    }
    await sock.output.write(JSON.stringify({ user, database: db, local: host === null, password }) + "\n");
    const line = await ctx.proc.guard(readLine(sock.input));
    const reply = line ? (JSON.parse(line) as ServerReply) : ({ fatal: "server closed the connection unexpectedly" } as ServerReply);
    if ("fatal" in reply) {
      await err(`psql: error: ${where(ip)}: FATAL:  ${reply.fatal}\n`);
      sock.close();
      throw new Failed();
    }
    if ("auth" in reply) {
      await err(`psql: error: ${where(ip)}: fe_sendauth: no password supplied\n`);
      sock.close();
      throw new Failed();
    }
    return { sock, db, user: user!, host };
  };

  const query = async (c: Conn, sql: string): Promise<QueryReply> => {
    await c.sock.output.write(JSON.stringify({ q: sql }) + "\n");
    const line = await ctx.proc.guard(readLine(c.sock.input));
    if (line === null) {
      await err("server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n");
      throw new Failed();
    }
    return JSON.parse(line) as QueryReply;
  };

  const print = async (r: Result, title?: string) => {
    if (r.columns) await ctx.stdout.write(formatTable(r, { tuplesOnly, unaligned, title }));
    else if (!quiet) await ctx.stdout.write(r.command + "\n");
  };

  /** Run one input (a -c string or a statement from a script); false when it failed. */
  const run = async (c: Conn, sql: string, prefix: string): Promise<boolean> => {
    const reply = await query(c, sql);
    for (const r of reply.results) await print(r);
    if (reply.error) {
      const e = reply.error;
      await err(`${prefix}ERROR:  ${e.message}\n${e.detail ? `DETAIL:  ${e.detail}\n` : ""}${errorLines(sql, e.position)}`);
      return false;
    }
    return true;
  };

  const meta = async (c: Conn, line: string): Promise<Conn | "quit" | null> => {
    const [cmd, ...rest] = line.trim().split(/\s+/);
    if (cmd === "\\q") return "quit";
    if (cmd === "\\dt") {
      const list = await names(c, "tables");
      if (list.length === 0) {
        await ctx.stdout.write("Did not find any relations.\n");
        return null;
      }
      await print({ command: "", columns: [{ name: "Schema", numeric: false }, { name: "Name", numeric: false }, { name: "Type", numeric: false }, { name: "Owner", numeric: false }], rows: list.map((n) => ["public", n, "table", c.user]) }, "List of tables");
      return null;
    }
    if (cmd === "\\conninfo") {
      await ctx.stdout.write(host === null ? `You are connected to database "${c.db}" as user "${c.user}" via socket in "/var/run/postgresql" at port "${port}".\n` : `You are connected to database "${c.db}" as user "${c.user}" on host "${host}" at port "${port}".\n`);
      return null;
    }
    if (cmd === "\\c" || cmd === "\\connect") {
      const next = await connect(rest[0] ?? c.db).catch(() => null);
      if (!next) return null;
      c.sock.close();
      await ctx.stdout.write(`You are now connected to database "${next.db}" as user "${next.user}".\n`);
      return next;
    }
    if (cmd === "\\l") {
      await print({ command: "", columns: [{ name: "Name", numeric: false }, { name: "Owner", numeric: false }, { name: "Encoding", numeric: false }], rows: (await names(c, "databases")).map((n) => [n, "postgres", "UTF8"]) }, "List of databases");
      return null;
    }
    await err(`invalid command ${cmd}\nTry \\? for help.\n`);
    return null;
  };

  const names = async (c: Conn, what: "tables" | "databases"): Promise<string[]> => {
    await c.sock.output.write(JSON.stringify({ meta: what }) + "\n");
    const line = await ctx.proc.guard(readLine(c.sock.input));
    return line ? (JSON.parse(line) as { names: string[] }).names : [];
  };

  let conn: Conn;
  try {
    conn = await connect(dbname);
  } catch (e) {
    if (e instanceof Failed) return 2;
    throw e;
  }
  try {
    if (commands.length) {
      for (const c of commands) {
        if (c.trim().startsWith("\\")) {
          const m = await meta(conn, c);
          if (m === "quit") break;
          if (m) conn = m;
          continue;
        }
        if (!(await run(conn, c, ""))) return 1;
      }
      return 0;
    }
    let source: string | null = null;
    let name = "<stdin>";
    if (file) {
      try {
        source = text(file === "-" ? await readAll(ctx.stdin) : ctx.fs.readFile(file));
        name = file;
      } catch {
        await err(`psql: error: ${file}: No such file or directory\n`);
        return 1;
      }
    }
    const tty = !file && !!ctx.stdin.isTTY;
    if (tty) await ctx.stdout.write(`psql (17.11 (Debian 17.11-1.pgdg13+2))\nType "help" for help.\n\n`);
    const lines = source !== null ? source.split("\n") : null;
    let buf = "";
    let lineNo = 0;
    let status = 0;
    for (;;) {
      if (tty) await ctx.stdout.write(`${conn.db}${buf ? "-" : "="}${conn.user === "postgres" ? "#" : ">"} `);
      const line = lines ? (lines.length ? lines.shift()! : null) : await ctx.proc.guard(readLine(ctx.stdin));
      if (line === null) break;
      lineNo++;
      if (!buf && line.trim().startsWith("\\")) {
        const m = await meta(conn, line);
        if (m === "quit") break;
        if (m) conn = m;
        continue;
      }
      buf += (buf ? "\n" : "") + line;
      if (/;\s*$/.test(line)) {
        const ok = await run(conn, buf, tty ? "" : `psql:${name}:${lineNo}: `);
        if (!ok) status = file ? 3 : 0;
        buf = "";
      }
    }
    if (buf.trim()) await run(conn, buf, tty ? "" : `psql:${name}:${lineNo}: `);
    return status;
  } catch (e) {
    if (e instanceof Failed) return 2;
    throw e;
  } finally {
    conn.sock.close();
  }
};
