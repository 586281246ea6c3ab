/**
 * The nginx program of the nginx image model: a master process that reads
 * /etc/nginx/nginx.conf (with its includes), listens on the servers' ports, starts worker
 * processes (one per CPU for `worker_processes auto`, running as the `user` directive's user)
 * and waits for signals; the first worker serves the connections.
 *
 * Modelled: `server` blocks with `listen`, `server_name`, `root`, `index`, `location` (exact,
 * prefix, `^~`, `~`/`~*` regex), `alias`, `try_files`, `return`, `error_page`, `proxy_pass`
 * (to an HTTP upstream resolved at start, as nginx resolves it), `add_header`, `types` and
 * `default_type`; access logs in the `main` format the image's nginx.conf defines, error logs
 * for missing files and failed upstreams; keep-alive; signals QUIT (graceful), TERM/INT (fast),
 * HUP (reload); `nginx -t`, `-v`, `-s reload|quit|stop|reopen`, `-g`, `-c`.
 * Not modelled: TLS, gzip, caching, upstream blocks, rewrite, variables beyond the log format.
 */
import type { ProcessContext, Program } from "../../runtime/program";
import type { Process } from "../../runtime/process";
import { SIGNALS } from "../../runtime/signals";
import { netStack, type Listener } from "../../runtime/applets/net-stack";
import { NetError, type Socket } from "../../runtime/applets/net-socket";
import { resolveHost } from "../../runtime/applets/net-resolve";
import { userByName, groupByName } from "../../runtime/applets/lib/sys-users";
import { FsError } from "../../fs/types";
import { concat, text, utf8 } from "../../util/bytes";
import { ConfError, find, findAll, parseConf, type Directive } from "./conf";
import { header, httpDate, keepAlive, parseHttpUrl, readRequest, REASONS, responseHead, type HttpRequest } from "../lib/http";

export const NGINX_VERSION = "1.31.3";
const CONF = "/etc/nginx/nginx.conf";
const PID_FILE = "/run/nginx.pid";
const KEEPALIVE_MS = 65_000;

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Error log time: "2024/01/01 00:00:05". */
function logTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** $time_local: "01/Jan/2024:00:00:05 +0000". */
function timeLocal(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

interface Location {
  modifier: "" | "=" | "^~" | "~" | "~*";
  path: string;
  re: RegExp | null;
  ds: Directive[];
}

interface Upstream {
  host: string;
  ip: string;
  port: number;
  /** The path part of proxy_pass ("" when none: the request URI is passed unchanged). */
  path: string;
  text: string;
}

interface Server {
  ports: number[];
  defaultServer: boolean;
  names: string[];
  ds: Directive[];
  locations: Location[];
}

interface Config {
  workers: number;
  user: string | null;
  http: Directive[];
  servers: Server[];
  types: Map<string, string>;
  defaultType: string;
  accessLog: string | null;
  upstreams: Map<Directive, Upstream>;
}

class Emerg extends Error {}

function locationsOf(ds: Directive[]): Location[] {
  return findAll(ds, "location").map((d) => {
    const [a, b] = d.args;
    const modifier = (b !== undefined ? a : "") as Location["modifier"];
    const path = b !== undefined ? b : a;
    let re: RegExp | null = null;
    if (modifier === "~" || modifier === "~*") re = new RegExp(path, modifier === "~*" ? "i" : "");
    return { modifier, path, re, ds: d.block ?? [] };
  });
}

/** Read and check the configuration; resolves proxy_pass hosts as nginx does at start. */
async function loadConfig(ctx: ProcessContext, path: string, globals: string[]): Promise<Config> {
  let top: Directive[];
  try {
    top = parseConf(ctx.fs, path);
  } catch (e) {
    if (e instanceof ConfError) throw new Emerg(e.message);
    throw e;
  }
  for (const g of globals) {
    const m = /^\s*(\S+)\s+(.*?);?\s*$/.exec(g);
    if (m && m[1] !== "daemon") top.push({ name: m[1], args: m[2].split(/\s+/), file: "command line", line: 0 });
  }
  const http = find(top, "http")?.block ?? [];
  const wp = find(top, "worker_processes")?.args[0] ?? "1";
  const cpus = 2;
  const workers = wp === "auto" ? cpus : Math.max(1, Number(wp) || 1);
  const types = new Map<string, string>();
  for (const t of findAll(http, "types")) for (const d of t.block ?? []) for (const ext of d.args) types.set(ext.toLowerCase(), d.name);
  const servers: Server[] = findAll(http, "server").map((s) => {
    const ds = s.block ?? [];
    const listens = findAll(ds, "listen");
    const ports: number[] = [];
    let defaultServer = false;
    for (const l of listens) {
      const spec = l.args[0] ?? "80";
      if (spec.startsWith("[")) continue; // IPv6 listens: the model has no IPv6
      const port = Number(spec.includes(":") ? spec.slice(spec.lastIndexOf(":") + 1) : spec);
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Emerg(`invalid port in "${spec}" of the "listen" directive in ${l.file}:${l.line}`);
      ports.push(port);
      if (l.args.includes("default_server")) defaultServer = true;
    }
    if (listens.length === 0) ports.push(80);
    return { ports, defaultServer, names: find(ds, "server_name")?.args ?? [""], ds, locations: locationsOf(ds) };
  });
  const upstreams = new Map<Directive, Upstream>();
  const proxies: Directive[] = [];
  const collect = (ds: Directive[]) => {
    for (const d of ds) {
      if (d.name === "proxy_pass") proxies.push(d);
      if (d.block && d.name !== "types") collect(d.block);
    }
  };
  collect(http);
  for (const d of proxies) {
    const u = parseHttpUrl(d.args[0] ?? "");
    if (!u) throw new Emerg(`invalid URL prefix in ${d.file}:${d.line}`);
    const ip = await resolveHost(ctx, u.host);
    if (!ip) throw new Emerg(`host not found in upstream "${u.host}${/:\d+/.test(d.args[0]) ? ":" + u.port : ""}" in ${d.file}:${d.line}`);
    upstreams.set(d, { host: u.host, ip, port: u.port, path: u.path, text: d.args[0] });
  }
  const al = find(http, "access_log");
  return {
    workers,
    user: find(top, "user")?.args[0] ?? null,
    http,
    servers,
    types,
    defaultType: find(http, "default_type")?.args[0] ?? "text/plain",
    accessLog: al && al.args[0] !== "off" ? al.args[0] : al ? null : "/var/log/nginx/access.log",
    upstreams,
  };
}

function errorPage(status: number): string {
  const title = `${status} ${REASONS[status] ?? ""}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/${NGINX_VERSION}</center>\r\n</body>\r\n</html>\r\n`;
}

interface Reply {
  status: number;
  headers: Array<[string, string | number]>;
  body: Uint8Array;
  /** Bytes of the response head and body as the upstream sent them (proxied responses). */
  raw?: Uint8Array;
}

/** A log sink that follows nginx's log file: /dev/stdout and /dev/stderr (the image's symlinks) or a file. */
function logSink(ctx: ProcessContext, path: string, std: "stdout" | "stderr"): (line: string) => Promise<void> {
  return async (line) => {
    let target = path;
    try {
      if (ctx.fs.lstat(path).type === "symlink") target = ctx.fs.readlink(path);
    } catch {
      /* a file nginx creates */
    }
    if (target === "/dev/stdout" || target === "/proc/self/fd/1") return ctx.stdout.write(line);
    if (target === "/dev/stderr" || target === "/proc/self/fd/2") return ctx.stderr.write(line);
    try {
      ctx.fs.writeFile(path, line, { append: true });
    } catch {
      await (std === "stdout" ? ctx.stdout : ctx.stderr).write(line);
    }
  };
}

class Worker {
  private readonly access: (l: string) => Promise<void>;
  private readonly error: (l: string) => Promise<void>;
  private conn = 0;
  constructor(
    private readonly ctx: ProcessContext,
    private readonly cfg: Config,
  ) {
    this.access = logSink(ctx, cfg.accessLog ?? "/dev/null", "stdout");
    this.error = logSink(ctx, "/var/log/nginx/error.log", "stderr");
  }

  private get pid(): number {
    return this.ctx.proc.nsPid;
  }

  private async logError(conn: number, msg: string, client: string, server: string, req: HttpRequest): Promise<void> {
    const host = header(req, "host");
    await this.error(`${logTime(this.ctx.now())} [error] ${this.pid}#${this.pid}: *${conn} ${msg}, client: ${client}, server: ${server}, request: "${req.line}"${host ? `, host: "${host}"` : ""}\n`);
  }

  async serve(sock: Socket, port: number): Promise<void> {
    const ctx = this.ctx;
    const conn = ++this.conn;
    try {
      for (;;) {
        let timer = () => {};
        const idle = new Promise<null>((r) => (timer = ctx.kernel.sched.at(KEEPALIVE_MS, () => r(null))));
        const req = await ctx.proc.guard(Promise.race([readRequest(sock.input), idle]));
        timer();
        if (req === null) break;
        if (req === "bad") {
          const body = utf8(errorPage(400));
          await sock.output.write(concat([utf8(responseHead(400, [["Server", `nginx/${NGINX_VERSION}`], ["Date", httpDate(ctx.now())], ["Content-Type", "text/html"], ["Content-Length", body.length], ["Connection", "close"]])), body]));
          break;
        }
        const ka = keepAlive(req);
        const r = await this.handle(req, port, sock.remote.ip, conn);
        let out: Uint8Array;
        if (r.raw) out = r.raw;
        else {
          const hs: Array<[string, string | number]> = [["Server", `nginx/${NGINX_VERSION}`], ["Date", httpDate(ctx.now())], ...r.headers];
          const ctIdx = hs.findIndex(([k]) => k === "Content-Type");
          const rest = hs.filter(([k]) => k !== "Server" && k !== "Date" && k !== "Content-Type" && k !== "Content-Length" && k !== "Last-Modified" && k !== "Location");
          const ordered: Array<[string, string | number]> = [hs[0], hs[1]];
          if (ctIdx >= 0) ordered.push(hs[ctIdx]);
          ordered.push(["Content-Length", r.body.length]);
          const lm = hs.find(([k]) => k === "Last-Modified");
          if (lm) ordered.push(lm);
          const loc = hs.find(([k]) => k === "Location");
          ordered.push(["Connection", ka && req.version ? "keep-alive" : "close"]);
          if (loc) ordered.push(loc);
          ordered.push(...rest);
          const head = req.version ? utf8(responseHead(r.status, ordered)) : new Uint8Array(0);
          out = concat([head, req.method === "HEAD" ? new Uint8Array(0) : r.body]);
        }
        await ctx.proc.guard(sock.output.write(out));
        const sent = r.raw ? r.body.length : req.method === "HEAD" ? 0 : r.body.length;
        if (this.cfg.accessLog) {
          const q = (s: string | undefined) => (s === undefined || s === "" ? "-" : s);
          await this.access(`${sock.remote.ip} - - [${timeLocal(ctx.now())}] "${req.line}" ${r.status} ${sent} "${q(header(req, "referer"))}" "${q(header(req, "user-agent"))}" "${q(header(req, "x-forwarded-for"))}"\n`);
        }
        if (!ka || !req.version || r.raw) break;
      }
    } catch (e) {
      if (!(e instanceof NetError) && !(e instanceof Error && e.name === "BrokenPipe")) throw e;
    } finally {
      sock.close();
    }
  }

  private pickServer(port: number, host: string | undefined): Server {
    const on = this.cfg.servers.filter((s) => s.ports.includes(port));
    const name = (host ?? "").replace(/:\d+$/, "").toLowerCase();
    return on.find((s) => s.names.some((n) => n.toLowerCase() === name)) ?? on.find((s) => s.defaultServer) ?? on[0];
  }

  private pickLocation(s: Server, uri: string): Location | null {
    const exact = s.locations.find((l) => l.modifier === "=" && l.path === uri);
    if (exact) return exact;
    let best: Location | null = null;
    for (const l of s.locations) if ((l.modifier === "" || l.modifier === "^~") && uri.startsWith(l.path) && (!best || l.path.length > best.path.length)) best = l;
    if (best?.modifier === "^~") return best;
    const rx = s.locations.find((l) => l.re && l.re.test(uri));
    return rx ?? best;
  }

  /** A directive's value in the location, else the server, else http. */
  private setting(s: Server, loc: Location | null, name: string): Directive | undefined {
    return find(loc?.ds, name) ?? find(s.ds, name) ?? find(this.cfg.http, name);
  }

  private mime(path: string): string {
    const dot = path.lastIndexOf(".");
    const ext = dot >= 0 && !path.slice(dot).includes("/") ? path.slice(dot + 1).toLowerCase() : "";
    return this.cfg.types.get(ext) ?? this.cfg.defaultType;
  }

  async handle(req: HttpRequest, port: number, client: string, conn: number, depth = 0): Promise<Reply> {
    const s = this.pickServer(port, header(req, "host"));
    const serverName = s.names[0] ?? "";
    const uri = decodeURIComponent(req.target.split("?")[0]);
    const loc = this.pickLocation(s, uri);
    const extra = findAll(loc?.ds ?? s.ds, "add_header").map((d) => [d.args[0], d.args[1]] as [string, string]);
    const fail = async (status: number, log?: string): Promise<Reply> => {
      if (log) await this.logError(conn, log, client, serverName, req);
      const ep = [...findAll(loc?.ds, "error_page"), ...findAll(s.ds, "error_page")].find((d) => d.args.slice(0, -1).includes(String(status)));
      if (ep && depth === 0) {
        const target = ep.args[ep.args.length - 1];
        const r = await this.handle({ ...req, method: "GET", target }, port, client, conn, depth + 1);
        if (r.status === 200) return { ...r, status };
      }
      return { status, headers: [["Content-Type", "text/html"]], body: utf8(errorPage(status)) };
    };
    if (!uri.startsWith("/") || uri.split("/").includes("..")) return fail(400);
    const ret = find(loc?.ds, "return") ?? find(s.ds, "return");
    if (ret) {
      const [a, b] = ret.args;
      const code = /^\d+$/.test(a) ? Number(a) : 302;
      const arg = /^\d+$/.test(a) ? b : a;
      if (code >= 300 && code < 400 && arg !== undefined) return { status: code, headers: [["Content-Type", "text/html"], ["Location", arg]], body: utf8(errorPage(code)) };
      if (arg !== undefined) return { status: code, headers: [["Content-Type", this.cfg.defaultType]], body: utf8(arg) };
      return fail(code);
    }
    const pp = find(loc?.ds, "proxy_pass");
    if (pp) return this.proxy(req, pp, loc!, client, serverName, conn);
    if (req.method !== "GET" && req.method !== "HEAD") return fail(405);
    const root = this.setting(s, loc, "root")?.args[0] ?? "/etc/nginx/html";
    const alias = find(loc?.ds, "alias")?.args[0];
    const fsPath = (p: string) => (alias !== undefined && loc ? alias + p.slice(loc.path.length) : root.replace(/\/$/, "") + p);
    const index = this.setting(s, loc, "index")?.args ?? ["index.html"];
    const tryFiles = find(loc?.ds, "try_files") ?? find(s.ds, "try_files");
    if (tryFiles) {
      const cands = tryFiles.args.slice(0, -1);
      for (const c of cands) {
        const p = c.replace(/\$uri/g, uri);
        const st = this.stat(fsPath(p));
        if (st && (st.type === "file" || (p.endsWith("/") && st.type === "dir"))) return this.staticFile(req, uri, p.endsWith("/") ? p : p, fsPath, index, extra, fail, true);
      }
      const last = tryFiles.args[tryFiles.args.length - 1];
      if (/^=\d+$/.test(last)) return fail(Number(last.slice(1)));
      if (depth < 10) return this.handle({ ...req, target: last.replace(/\$uri/g, uri) }, port, client, conn, depth + 1);
    }
    return this.staticFile(req, uri, uri, fsPath, index, extra, fail, false);
  }

  private stat(p: string) {
    try {
      return this.ctx.fs.stat(p);
    } catch {
      return null;
    }
  }

  private async staticFile(req: HttpRequest, uri: string, p: string, fsPath: (p: string) => string, index: string[], extra: Array<[string, string]>, fail: (s: number, log?: string) => Promise<Reply>, tried: boolean): Promise<Reply> {
    const path = fsPath(p);
    let file = path;
    let st;
    try {
      st = this.ctx.fs.stat(path);
    } catch (e) {
      const why = e instanceof FsError && e.code === "EACCES" ? "13: Permission denied" : "2: No such file or directory";
      return fail(e instanceof FsError && e.code === "EACCES" ? 403 : 404, `open() "${path}" failed (${why})`);
    }
    if (st.type === "dir") {
      if (!p.endsWith("/")) {
        const host = header(req, "host") ?? "localhost";
        return { status: 301, headers: [["Content-Type", "text/html"], ["Location", `http://${host}${uri}/`]], body: utf8(errorPage(301)) };
      }
      const found = index.map((i) => path + i).find((f) => this.stat(f)?.type === "file");
      if (!found) return fail(403, `directory index of "${path}" is forbidden`);
      file = found;
      st = this.stat(found)!;
    }
    let data: Uint8Array;
    try {
      data = this.ctx.fs.readFile(file);
    } catch (e) {
      const denied = e instanceof FsError && e.code === "EACCES";
      return fail(denied ? 403 : 404, `open() "${file}" failed (${denied ? "13: Permission denied" : "2: No such file or directory"})`);
    }
    void tried;
    const etag = `"${Math.floor(st.mtime / 1000).toString(16)}-${data.length.toString(16)}"`;
    return { status: 200, headers: [["Content-Type", this.mime(file)], ["Last-Modified", httpDate(st.mtime)], ["ETag", etag], ["Accept-Ranges", "bytes"], ...extra], body: data };
  }

  private async proxy(req: HttpRequest, d: Directive, loc: Location, client: string, serverName: string, conn: number): Promise<Reply> {
    const u = this.cfg.upstreams.get(d)!;
    const uri = req.target;
    const path = u.path === "" ? uri : u.path + uri.slice(loc.path.length);
    const upstreamText = `http://${u.ip}:${u.port}${path}`;
    let back: Socket;
    try {
      back = await this.ctx.proc.guard(netStack(this.ctx.kernel).connect(this.ctx.proc.ns.net, u.ip, u.port, { timeoutMs: 60_000, owner: this.ctx.proc }));
    } catch (e) {
      if (!(e instanceof NetError)) throw e;
      const errno = e.code === "ECONNREFUSED" ? "111: Connection refused" : e.code === "EHOSTUNREACH" ? "113: No route to host" : "110: Connection timed out";
      const status = e.code === "ETIMEDOUT" ? 504 : 502;
      await this.logError(conn, `connect() failed (${errno}) while connecting to upstream`, client, serverName, { ...req, line: `${req.line}", upstream: "${upstreamText}` });
      return { status, headers: [["Content-Type", "text/html"]], body: utf8(errorPage(status)) };
    }
    const skip = new Set(["host", "connection"]);
    const headers = req.headers.filter(([k]) => !skip.has(k.toLowerCase()));
    const hostHeader = u.port === 80 ? u.host : `${u.host}:${u.port}`;
    const head = `${req.method} ${path} HTTP/1.0\r\nHost: ${hostHeader}\r\nConnection: close\r\n` + headers.map(([k, v]) => `${k}: ${v}\r\n`).join("") + "\r\n";
    await back.output.write(concat([utf8(head), req.body]));
    const parts: Uint8Array[] = [];
    try {
      for (;;) {
        const c = await this.ctx.proc.guard(back.input.read());
        if (!c) break;
        parts.push(c);
      }
    } catch (e) {
      if (!(e instanceof NetError)) throw e;
    }
    back.close();
    const all = concat(parts);
    const s = text(all);
    const end = s.indexOf("\r\n\r\n");
    if (end < 0) {
      await this.logError(conn, "upstream prematurely closed connection while reading response header from upstream", client, serverName, { ...req, line: `${req.line}", upstream: "${upstreamText}` });
      return { status: 502, headers: [["Content-Type", "text/html"]], body: utf8(errorPage(502)) };
    }
    const lines = s.slice(0, end).split("\r\n");
    const status = Number(lines[0].split(" ")[1]) || 502;
    const body = all.subarray(utf8(s.slice(0, end + 4)).length);
    const kept = lines.slice(1).filter((l) => !/^(server|date|connection|keep-alive|transfer-encoding):/i.test(l));
    const out = `HTTP/1.1 ${lines[0].split(" ").slice(1).join(" ")}\r\nServer: nginx/${NGINX_VERSION}\r\nDate: ${httpDate(this.ctx.now())}\r\n` + kept.join("\r\n") + (kept.length ? "\r\n" : "") + "Connection: close\r\n\r\n";
    return { status, headers: [], body, raw: concat([utf8(out), req.method === "HEAD" ? new Uint8Array(0) : body]) };
  }
}

/** A worker process: serve the master's listening sockets. */
function workerProgram(cfg: Config, listeners: Listener[], serving: boolean): Program {
  return async (ctx) => {
    if (!serving) {
      await ctx.proc.guard(new Promise<never>(() => {}));
      return 0;
    }
    const w = new Worker(ctx, cfg);
    await ctx.proc.guard(
      Promise.all(
        listeners.map(async (l) => {
          for (;;) {
            const s = await ctx.proc.guard(l.accept());
            if (!s) return;
            void w.serve(s, l.port).catch(() => {});
            await ctx.tick();
          }
        }),
      ),
    );
    return 0;
  };
}

async function emerg(ctx: ProcessContext, msg: string): Promise<number> {
  await ctx.stderr.write(`nginx: [emerg] ${msg}\n`);
  return 1;
}

function signalByName(s: string): number | null {
  return ({ stop: SIGNALS.TERM, quit: SIGNALS.QUIT, reopen: SIGNALS.USR1, reload: SIGNALS.HUP } as Record<string, number>)[s] ?? null;
}

export const nginxProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let confPath = CONF;
  const globals: string[] = [];
  let test = false;
  let signal: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-v" || a === "-V") {
      await ctx.stderr.write(`nginx version: nginx/${NGINX_VERSION}\n` + (a === "-V" ? "built by gcc 14.2.0 (Debian 14.2.0-19)\nbuilt with OpenSSL 3.5.1 1 Jul 2025\nTLS SNI support enabled\n" : ""));
      return 0;
    } else if (a === "-t" || a === "-T") test = true;
    else if (a === "-g") globals.push(...(args[++i] ?? "").split(";").filter((x) => x.trim()));
    else if (a === "-c") confPath = args[++i] ?? CONF;
    else if (a === "-s") signal = args[++i] ?? "";
    else if (a === "-q") continue;
    else if (a === "-h" || a === "-?") {
      await ctx.stderr.write(`nginx version: nginx/${NGINX_VERSION}\nUsage: nginx [-?hvVtTq] [-s signal] [-p prefix]\n             [-e filename] [-c filename] [-g directives]\n\n`);
      return 0;
    } else return emerg(ctx, `invalid option: "${a}"`);
  }
  if (signal !== null) {
    const sig = signalByName(signal);
    if (sig === null) {
      await ctx.stderr.write(`nginx: invalid option: "-s ${signal}"\n`);
      return 1;
    }
    let pid: number;
    try {
      pid = Number(text(ctx.fs.readFile(PID_FILE)).trim());
    } catch {
      await ctx.stderr.write(`${logTime(ctx.now())} [error] ${ctx.proc.nsPid}#${ctx.proc.nsPid}: open() "${PID_FILE}" failed (2: No such file or directory)\nnginx: [error] open() "${PID_FILE}" failed (2: No such file or directory)\n`);
      return 1;
    }
    const target = ctx.proc.ns.pid.members.get(pid);
    if (target) ctx.kernel.signal(target, sig);
    await ctx.stderr.write(`${logTime(ctx.now())} [notice] ${ctx.proc.nsPid}#${ctx.proc.nsPid}: signal process started\n`);
    return 0;
  }
  let cfg: Config;
  try {
    cfg = await loadConfig(ctx, confPath, globals);
  } catch (e) {
    if (e instanceof Emerg) {
      if (test) {
        await ctx.stderr.write(`${logTime(ctx.now())} [emerg] ${ctx.proc.nsPid}#${ctx.proc.nsPid}: ${e.message}\nnginx: configuration file ${confPath} test failed\n`);
        return 1;
      }
      await ctx.stderr.write(`${logTime(ctx.now())} [emerg] ${ctx.proc.nsPid}#${ctx.proc.nsPid}: ${e.message}\n`);
      return emerg(ctx, e.message);
    }
    throw e;
  }
  if (test) {
    await ctx.stderr.write(`nginx: the configuration file ${confPath} syntax is ok\nnginx: configuration file ${confPath} test is successful\n`);
    return 0;
  }
  return master(ctx, cfg, confPath, globals);
};

async function master(ctx: ProcessContext, first: Config, confPath: string, globals: string[]): Promise<number> {
  const me = `${ctx.proc.nsPid}#${ctx.proc.nsPid}`;
  const notice = (m: string) => ctx.stderr.write(`${logTime(ctx.now())} [notice] ${me}: ${m}\n`);
  const stack = netStack(ctx.kernel);
  const listeners = new Map<number, Listener>();
  const bind = async (cfg: Config): Promise<boolean> => {
    for (const port of new Set(cfg.servers.flatMap((s) => s.ports))) {
      if (listeners.has(port)) continue;
      try {
        listeners.set(port, stack.listen(ctx.proc.ns.net, "0.0.0.0", port, ctx.proc));
      } catch (e) {
        if (!(e instanceof NetError)) throw e;
        const why = e.code === "EADDRINUSE" ? "98: Address already in use" : "13: Permission denied";
        await ctx.stderr.write(`${logTime(ctx.now())} [emerg] ${me}: bind() to 0.0.0.0:${port} failed (${why})\nnginx: [emerg] bind() to 0.0.0.0:${port} failed (${why})\n`);
        return false;
      }
    }
    return true;
  };
  if (!(await bind(first))) return 1;
  try {
    ctx.fs.writeFile(PID_FILE, `${ctx.proc.nsPid}\n`);
  } catch {
    /* a read-only /run: nginx warns and carries on */
  }
  await notice('using the "epoll" event method');
  await notice(`nginx/${NGINX_VERSION}`);
  await notice("built by gcc 14.2.0 (Debian 14.2.0-19)");
  await notice("OS: Linux 6.10.14-linuxkit");
  await notice("getrlimit(RLIMIT_NOFILE): 1048576:1048576");
  let workers: Process[] = [];
  const startWorkers = async (cfg: Config) => {
    await notice("start worker processes");
    const pw = cfg.user && ctx.proc.cred.uid === 0 ? userByName(ctx.fs, cfg.user.split(/\s+/)[0]) : undefined;
    const gr = cfg.user?.split(/\s+/)[1] ? groupByName(ctx.fs, cfg.user.split(/\s+/)[1]) : undefined;
    const ports = new Set(cfg.servers.flatMap((s) => s.ports));
    const ls = [...listeners].filter(([p]) => ports.has(p)).map(([, l]) => l);
    workers = [];
    for (let i = 0; i < cfg.workers; i++) {
      const w = ctx.spawn({ argv: ["nginx: worker process"], program: workerProgram(cfg, ls, i === 0) });
      if (pw) {
        const cred = { uid: pw.uid, gid: gr?.gid ?? pw.gid, groups: [gr?.gid ?? pw.gid], caps: new Set<string>() };
        w.cred = cred;
        w.vfs.cred = cred;
      }
      workers.push(w);
      await notice(`start worker process ${w.nsPid}`);
    }
  };
  await startWorkers(first);
  ctx.proc.argv = ["nginx: master process " + ctx.argv.join(" ")];
  ctx.proc.comm = "nginx";
  for (const s of [SIGNALS.QUIT, SIGNALS.TERM, SIGNALS.INT, SIGNALS.HUP, SIGNALS.USR1]) ctx.proc.handlers.set(s, "catch");
  const stopWorkers = async (graceful: boolean) => {
    for (const w of workers) {
      if (graceful) {
        await ctx.stderr.write(`${logTime(ctx.now())} [notice] ${w.nsPid}#${w.nsPid}: gracefully shutting down\n${logTime(ctx.now())} [notice] ${w.nsPid}#${w.nsPid}: exiting\n${logTime(ctx.now())} [notice] ${w.nsPid}#${w.nsPid}: exit\n`);
      }
      ctx.kernel.signal(w, SIGNALS.KILL);
    }
    for (const w of workers) {
      await ctx.proc.guard(w.exited);
      await notice(`signal 17 (SIGCHLD) received from ${w.nsPid}`);
      await notice(`worker process ${w.nsPid} exited with code 0`);
    }
  };
  for (;;) {
    while (ctx.proc.pending.length === 0) await ctx.proc.guard(ctx.proc.nextSignal());
    const sig = ctx.proc.pending.shift()!;
    if (sig === SIGNALS.QUIT) {
      await notice("signal 3 (SIGQUIT) received, shutting down");
      await stopWorkers(true);
      break;
    }
    if (sig === SIGNALS.TERM || sig === SIGNALS.INT) {
      await notice(`signal ${sig} (${sig === SIGNALS.TERM ? "SIGTERM" : "SIGINT"}) received, exiting`);
      await stopWorkers(false);
      break;
    }
    if (sig === SIGNALS.USR1) {
      await notice("signal 10 (SIGUSR1) received, reopening logs");
      continue;
    }
    if (sig === SIGNALS.HUP) {
      await notice("signal 1 (SIGHUP) received, reconfiguring");
      let next: Config;
      try {
        next = await loadConfig(ctx, confPath, globals);
      } catch (e) {
        if (e instanceof Emerg) {
          await ctx.stderr.write(`${logTime(ctx.now())} [emerg] ${me}: ${e.message}\n`);
          continue;
        }
        throw e;
      }
      if (!(await bind(next))) continue;
      await notice("reconfiguring");
      const old = workers;
      await startWorkers(next);
      for (const w of old) {
        ctx.kernel.signal(w, SIGNALS.KILL);
        await ctx.proc.guard(w.exited);
      }
    }
  }
  await notice("exit");
  for (const l of listeners.values()) l.close();
  try {
    ctx.fs.unlink(PID_FILE);
  } catch {
    /* gone already */
  }
  return 0;
}
