/**
 * redis-server of the redis image model: an in-memory key-value server on port 6379 that speaks
 * RESP (redis-cli) and inline commands (nc), with Redis's persistence rules: the dataset is
 * saved to `dump.rdb` in the working directory (/data in the image) on SAVE/BGSAVE, when a
 * default save point is reached (3600 s/1 change, 300 s/100, 60 s/10000) and at a clean shutdown
 * (SIGTERM/SIGINT, what `docker stop` sends), and loaded at start. A SIGKILL loses what was not
 * saved, as with the real server. The file is this model's own format behind the RDB magic.
 *
 * Commands: PING ECHO SET (EX/PX/NX/XX) GET GETSET MGET MSET SETNX APPEND STRLEN INCR DECR INCRBY
 * DECRBY DEL EXISTS KEYS TYPE EXPIRE PEXPIRE TTL PTTL PERSIST RENAME DBSIZE FLUSHDB FLUSHALL SELECT
 * LPUSH RPUSH LPOP RPOP LLEN LRANGE HSET HGET HDEL HGETALL HKEYS HVALS HLEN SADD SREM SMEMBERS
 * SISMEMBER SCARD SAVE BGSAVE LASTSAVE AUTH INFO QUIT COMMAND (as a stub reply).
 */
import type { ProcessContext, Program } from "../../runtime/program";
import { SIGNALS } from "../../runtime/signals";
import { netStack } from "../../runtime/applets/net-stack";
import { NetError, type Socket } from "../../runtime/applets/net-socket";
import { text } from "../../util/bytes";
import { arr, bulk, encode, err, int, nil, ok, Reader, type Reply } from "./resp";

export const REDIS_VERSION = "8.10.1";
const MAGIC = "REDIS0012";

type Value = { t: "string"; v: string } | { t: "list"; v: string[] } | { t: "hash"; v: Map<string, string> } | { t: "set"; v: Set<string> };
interface Entry {
  value: Value;
  expireAt: number | null;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

function logTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

function globRe(p: string): RegExp {
  let s = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === "*") s += ".*";
    else if (c === "?") s += ".";
    else if (c === "[") {
      const j = p.indexOf("]", i);
      if (j > i) {
        s += "[" + p.slice(i + 1, j).replace(/^\^/, "^") + "]";
        i = j;
      } else s += "\\[";
    } else if (c === "\\" && i + 1 < p.length) s += "\\" + p[++i];
    else s += c.replace(/[.+^${}()|\]\\/]/g, "\\$&");
  }
  return new RegExp("^" + s + "$", "s");
}

interface Options {
  port: number;
  dir: string;
  dbfilename: string;
  save: Array<[number, number]>;
  requirepass: string | null;
  modules: string[];
  configFile: string | null;
}

function parseArgs(args: string[]): Options | string {
  const o: Options = { port: 6379, dir: ".", dbfilename: "dump.rdb", save: [[3600, 1], [300, 100], [60, 10000]], requirepass: null, modules: [], configFile: null };
  let i = 0;
  if (args[0] && !args[0].startsWith("--")) o.configFile = args[i++];
  for (; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith("--")) return `Bad directive or wrong number of arguments`;
    const name = a.slice(2).toLowerCase();
    const vals: string[] = [];
    while (i + 1 < args.length && !args[i + 1].startsWith("--")) vals.push(args[++i]);
    if (name === "port") o.port = Number(vals[0]);
    else if (name === "dir") o.dir = vals[0] ?? ".";
    else if (name === "dbfilename") o.dbfilename = vals[0] ?? "dump.rdb";
    else if (name === "requirepass") o.requirepass = vals[0] ?? "";
    else if (name === "loadmodule") o.modules.push(vals[0]);
    else if (name === "save") {
      const v = vals.join(" ").trim();
      o.save = [];
      const n = v === "" || v === '""' ? [] : v.split(/\s+/).map(Number);
      for (let k = 0; k + 1 < n.length; k += 2) o.save.push([n[k], n[k + 1]]);
    }
  }
  return o;
}

class Store {
  dbs: Array<Map<string, Entry>> = Array.from({ length: 16 }, () => new Map());
  dirty = 0;
  lastSave: number;
  constructor(now: number) {
    this.lastSave = now;
  }

  serialize(): string {
    const dbs = this.dbs.map((db) =>
      [...db].map(([k, e]) => {
        const v = e.value;
        const val = v.t === "hash" ? [...v.v] : v.t === "set" ? [...v.v] : v.v;
        return [k, v.t, val, e.expireAt];
      }),
    );
    return MAGIC + "\n" + JSON.stringify({ "redis-ver": REDIS_VERSION, dbs }) + "\n";
  }

  load(s: string): boolean {
    if (!s.startsWith(MAGIC + "\n")) return false;
    const data = JSON.parse(s.slice(MAGIC.length + 1)) as { dbs: Array<Array<[string, Value["t"], unknown, number | null]>> };
    this.dbs = data.dbs.map((db) => {
      const m = new Map<string, Entry>();
      for (const [k, t, val, exp] of db) {
        const value: Value = t === "hash" ? { t, v: new Map(val as Array<[string, string]>) } : t === "set" ? { t, v: new Set(val as string[]) } : t === "list" ? { t, v: val as string[] } : { t: "string", v: val as string };
        m.set(k, { value, expireAt: exp });
      }
      return m;
    });
    while (this.dbs.length < 16) this.dbs.push(new Map());
    return true;
  }

  keyCount(): number {
    return this.dbs.reduce((n, db) => n + db.size, 0);
  }
}

const WRONGTYPE = err("WRONGTYPE Operation against a key holding the wrong kind of value");
const NOT_INT = err("ERR value is not an integer or out of range");

export const redisServerProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === "--version" || args[0] === "-v") {
    await ctx.stdout.write(`Redis server v=${REDIS_VERSION} sha=00000000:1 malloc=jemalloc-5.3.0 bits=64 build=0000000000000000\n`);
    return 0;
  }
  const pid = ctx.proc.nsPid;
  const log = (role: "C" | "M", level: string, msg: string) => ctx.stdout.write(`${pid}:${role} ${logTime(ctx.now())} ${level} ${msg}\n`);
  const o = parseArgs(args);
  if (typeof o === "string") {
    await ctx.stderr.write(`\n*** FATAL CONFIG FILE ERROR (Redis ${REDIS_VERSION}) ***\nReading the configuration file, at line 2\n>>> '${args.join(" ")}'\n${o}\n`);
    return 1;
  }
  await log("C", "*", "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo");
  await log("C", "*", `Redis version=${REDIS_VERSION}, bits=64, commit=00000000, modified=1, pid=${pid}, just started`);
  if (o.configFile) await log("C", "*", "Configuration loaded");
  else await log("C", "#", "Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf");
  await log("M", "*", "monotonic clock: POSIX clock_gettime");
  const stack = netStack(ctx.kernel);
  let listener;
  try {
    listener = stack.listen(ctx.proc.ns.net, "0.0.0.0", o.port, ctx.proc);
  } catch (e) {
    if (!(e instanceof NetError)) throw e;
    await log("M", "#", `Warning: Could not create server TCP listening socket *:${o.port}: bind: ${e.message}`);
    await log("M", "#", `Failed listening on port ${o.port} (tcp), aborting.`);
    return 1;
  }
  await log("M", "*", `Running mode=standalone, port=${o.port}.`);
  for (const m of o.modules) {
    const file = m.slice(m.lastIndexOf("/") + 1);
    const name = ({ "redisearch.so": "search", "rejson.so": "ReJSON", "redistimeseries.so": "timeseries", "redisbloom.so": "bf" } as Record<string, string>)[file] ?? file.replace(/\.so$/, "");
    await log("M", "*", `Module '${name}' loaded from ${m}`);
  }
  await log("M", "*", "Server initialized");
  const dir = o.dir === "." ? ctx.cwd : o.dir;
  const file = `${dir.replace(/\/$/, "")}/${o.dbfilename}`;
  const store = new Store(ctx.now());
  try {
    const data = text(ctx.fs.readFile(file));
    if (store.load(data)) {
      await log("M", "*", `Loading RDB produced by version ${REDIS_VERSION}`);
      await log("M", "*", "RDB age 0 seconds");
      await log("M", "*", `Done loading RDB, keys loaded: ${store.keyCount()}, keys expired: 0.`);
      await log("M", "*", "DB loaded from disk: 0.000 seconds");
    } else {
      await log("M", "#", "Wrong signature trying to load DB from file");
      return 1;
    }
  } catch {
    /* no dump yet */
  }
  await log("M", "*", "Ready to accept connections tcp");

  const save = (): string | null => {
    try {
      ctx.fs.writeFile(file, store.serialize(), { mode: 0o600 });
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
    store.dirty = 0;
    store.lastSave = ctx.now();
    return null;
  };
  let saveTimer: (() => void) | null = null;
  const planSave = () => {
    if (saveTimer || store.dirty === 0) return;
    const due = o.save.filter(([, changes]) => store.dirty >= changes).map(([secs]) => store.lastSave + secs * 1000);
    if (!due.length) return;
    const at = Math.max(Math.min(...due), ctx.now());
    saveTimer = ctx.kernel.sched.at(at - ctx.now(), () => {
      saveTimer = null;
      const [secs, changes] = o.save.find(([s, c]) => store.dirty >= c && store.lastSave + s * 1000 <= ctx.now()) ?? [0, 0];
      void (async () => {
        if (!ctx.proc.alive) return;
        await log("M", "*", `${changes} changes in ${secs} seconds. Saving...`);
        await log("M", "*", `Background saving started by pid ${pid + 20}`);
        const e = save();
        await log("M", e ? "#" : "*", e ? `Failed opening the temp RDB file temp-${pid + 20}.rdb (in server root dir ${dir}) for saving: ${e}` : "Background saving terminated with success");
        planSave();
      })().catch(() => {});
    });
  };

  const dbOf = (n: number) => store.dbs[n];
  const live = (db: Map<string, Entry>, k: string): Entry | undefined => {
    const e = db.get(k);
    if (e && e.expireAt !== null && e.expireAt <= ctx.now()) {
      db.delete(k);
      return undefined;
    }
    return e;
  };
  const wrote = (n = 1) => {
    store.dirty += n;
    planSave();
  };

  const exec = (cmd: string[], conn: { db: number; authed: boolean }): Reply | "quit" => {
    const name = cmd[0].toLowerCase();
    const a = cmd.slice(1);
    const db = dbOf(conn.db);
    const arity: Record<string, number> = {
      get: 1, set: -2, del: -1, exists: -1, incr: 1, decr: 1, incrby: 2, decrby: 2, append: 2, strlen: 1, getset: 2, setnx: 2, mget: -1, mset: -2,
      keys: 1, type: 1, expire: 2, pexpire: 2, ttl: 1, pttl: 1, persist: 1, rename: 2, echo: 1, select: 1, lpush: -2, rpush: -2, lpop: -1, rpop: -1,
      llen: 1, lrange: 3, hset: -3, hget: 2, hdel: -2, hgetall: 1, hkeys: 1, hvals: 1, hlen: 1, sadd: -2, srem: -2, smembers: 1, sismember: 2, scard: 1, auth: -1,
    };
    const need = arity[name];
    if (need !== undefined && (need >= 0 ? a.length !== need : a.length < -need)) return err(`ERR wrong number of arguments for '${name}' command`);
    if (o.requirepass !== null && !conn.authed && name !== "auth" && name !== "quit" && name !== "hello") return err("NOAUTH Authentication required.");
    const str = (k: string): string | null | "wrong" => {
      const e = live(db, k);
      if (!e) return null;
      return e.value.t === "string" ? e.value.v : "wrong";
    };
    const incr = (k: string, by: number): Reply => {
      const cur = str(k);
      if (cur === "wrong") return WRONGTYPE;
      const n = cur === null ? 0 : /^-?\d+$/.test(cur) ? Number(cur) : NaN;
      if (Number.isNaN(n)) return NOT_INT;
      const next = n + by;
      const e = live(db, k);
      db.set(k, { value: { t: "string", v: String(next) }, expireAt: e?.expireAt ?? null });
      wrote();
      return int(next);
    };
    const coll = <T extends Value["t"]>(k: string, t: T): Extract<Value, { t: T }> | null | "wrong" => {
      const e = live(db, k);
      if (!e) return null;
      return e.value.t === t ? (e.value as Extract<Value, { t: T }>) : "wrong";
    };
    switch (name) {
      case "ping":
        return a.length ? bulk(a[0]) : { t: "status", s: "PONG" };
      case "echo":
        return bulk(a[0]);
      case "quit":
        return "quit";
      case "auth":
        if (o.requirepass === null) return err("ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?");
        if (a[a.length - 1] !== o.requirepass) return err("WRONGPASS invalid username-password pair or user is disabled.");
        conn.authed = true;
        return ok;
      case "select": {
        const n = Number(a[0]);
        if (!/^\d+$/.test(a[0])) return NOT_INT;
        if (n >= 16) return err("ERR DB index is out of range");
        conn.db = n;
        return ok;
      }
      case "set": {
        const [k, v, ...opts] = a;
        let exp: number | null = null;
        let nx = false;
        let xx = false;
        let get = false;
        for (let i = 0; i < opts.length; i++) {
          const f = opts[i].toUpperCase();
          if (f === "NX") nx = true;
          else if (f === "XX") xx = true;
          else if (f === "GET") get = true;
          else if ((f === "EX" || f === "PX") && opts[i + 1] !== undefined) {
            const n = Number(opts[++i]);
            if (!Number.isInteger(n)) return NOT_INT;
            if (n <= 0) return err("ERR invalid expire time in 'set' command");
            exp = ctx.now() + (f === "EX" ? n * 1000 : n);
          } else return err("ERR syntax error");
        }
        const cur = live(db, k);
        const prev = get ? str(k) : null;
        if (prev === "wrong") return WRONGTYPE;
        if ((nx && cur) || (xx && !cur)) return get ? bulk(prev) : nil;
        db.set(k, { value: { t: "string", v }, expireAt: exp });
        wrote();
        return get ? bulk(prev) : ok;
      }
      case "setnx":
        if (live(db, a[0])) return int(0);
        db.set(a[0], { value: { t: "string", v: a[1] }, expireAt: null });
        wrote();
        return int(1);
      case "get": {
        const v = str(a[0]);
        return v === "wrong" ? WRONGTYPE : bulk(v);
      }
      case "getset": {
        const v = str(a[0]);
        if (v === "wrong") return WRONGTYPE;
        db.set(a[0], { value: { t: "string", v: a[1] }, expireAt: null });
        wrote();
        return bulk(v);
      }
      case "mget":
        return arr(a.map((k) => {
          const v = str(k);
          return bulk(v === "wrong" ? null : v);
        }));
      case "mset":
        if (a.length % 2) return err("ERR wrong number of arguments for 'mset' command");
        for (let i = 0; i < a.length; i += 2) db.set(a[i], { value: { t: "string", v: a[i + 1] }, expireAt: null });
        wrote(a.length / 2);
        return ok;
      case "append": {
        const v = str(a[0]);
        if (v === "wrong") return WRONGTYPE;
        const next = (v ?? "") + a[1];
        db.set(a[0], { value: { t: "string", v: next }, expireAt: live(db, a[0])?.expireAt ?? null });
        wrote();
        return int(next.length);
      }
      case "strlen": {
        const v = str(a[0]);
        return v === "wrong" ? WRONGTYPE : int(v?.length ?? 0);
      }
      case "incr":
        return incr(a[0], 1);
      case "decr":
        return incr(a[0], -1);
      case "incrby":
      case "decrby": {
        if (!/^-?\d+$/.test(a[1])) return NOT_INT;
        return incr(a[0], (name === "incrby" ? 1 : -1) * Number(a[1]));
      }
      case "del": {
        let n = 0;
        for (const k of a) if (live(db, k) && db.delete(k)) n++;
        if (n) wrote(n);
        return int(n);
      }
      case "exists":
        return int(a.filter((k) => live(db, k)).length);
      case "keys": {
        const re = globRe(a[0]);
        return arr([...db.keys()].filter((k) => live(db, k) && re.test(k)).map((k) => bulk(k)));
      }
      case "type": {
        const e = live(db, a[0]);
        return { t: "status", s: e ? e.value.t : "none" };
      }
      case "expire":
      case "pexpire": {
        const e = live(db, a[0]);
        if (!/^-?\d+$/.test(a[1])) return NOT_INT;
        if (!e) return int(0);
        e.expireAt = ctx.now() + Number(a[1]) * (name === "expire" ? 1000 : 1);
        wrote();
        return int(1);
      }
      case "ttl":
      case "pttl": {
        const e = live(db, a[0]);
        if (!e) return int(-2);
        if (e.expireAt === null) return int(-1);
        const ms = e.expireAt - ctx.now();
        return int(name === "ttl" ? Math.round(ms / 1000) : ms);
      }
      case "persist": {
        const e = live(db, a[0]);
        if (!e || e.expireAt === null) return int(0);
        e.expireAt = null;
        wrote();
        return int(1);
      }
      case "rename": {
        const e = live(db, a[0]);
        if (!e) return err("ERR no such key");
        db.delete(a[0]);
        db.set(a[1], e);
        wrote();
        return ok;
      }
      case "dbsize":
        return int([...db.keys()].filter((k) => live(db, k)).length);
      case "flushdb":
      case "flushall": {
        const n = name === "flushall" ? store.keyCount() : db.size;
        if (name === "flushall") for (const d of store.dbs) d.clear();
        else db.clear();
        wrote(Math.max(n, 1));
        return ok;
      }
      case "lpush":
      case "rpush": {
        const l = coll(a[0], "list");
        if (l === "wrong") return WRONGTYPE;
        const list = l ?? { t: "list" as const, v: [] as string[] };
        for (const v of a.slice(1)) name === "lpush" ? list.v.unshift(v) : list.v.push(v);
        if (!l) db.set(a[0], { value: list, expireAt: null });
        wrote(a.length - 1);
        return int(list.v.length);
      }
      case "lpop":
      case "rpop": {
        const l = coll(a[0], "list");
        if (l === "wrong") return WRONGTYPE;
        if (!l) return nil;
        const v = name === "lpop" ? l.v.shift()! : l.v.pop()!;
        if (l.v.length === 0) db.delete(a[0]);
        wrote();
        return bulk(v);
      }
      case "llen": {
        const l = coll(a[0], "list");
        return l === "wrong" ? WRONGTYPE : int(l?.v.length ?? 0);
      }
      case "lrange": {
        const l = coll(a[0], "list");
        if (l === "wrong") return WRONGTYPE;
        if (!/^-?\d+$/.test(a[1]) || !/^-?\d+$/.test(a[2])) return NOT_INT;
        const v = l?.v ?? [];
        let s = Number(a[1]);
        let e = Number(a[2]);
        if (s < 0) s = Math.max(0, v.length + s);
        if (e < 0) e = v.length + e;
        return arr(v.slice(s, e + 1).map((x) => bulk(x)));
      }
      case "hset": {
        if (a.length % 2 === 0) return err("ERR wrong number of arguments for 'hset' command");
        const h = coll(a[0], "hash");
        if (h === "wrong") return WRONGTYPE;
        const hash = h ?? { t: "hash" as const, v: new Map<string, string>() };
        let added = 0;
        for (let i = 1; i < a.length; i += 2) {
          if (!hash.v.has(a[i])) added++;
          hash.v.set(a[i], a[i + 1]);
        }
        if (!h) db.set(a[0], { value: hash, expireAt: null });
        wrote();
        return int(added);
      }
      case "hget": {
        const h = coll(a[0], "hash");
        return h === "wrong" ? WRONGTYPE : bulk(h?.v.get(a[1]) ?? null);
      }
      case "hdel": {
        const h = coll(a[0], "hash");
        if (h === "wrong") return WRONGTYPE;
        let n = 0;
        for (const f of a.slice(1)) if (h?.v.delete(f)) n++;
        if (h && h.v.size === 0) db.delete(a[0]);
        if (n) wrote();
        return int(n);
      }
      case "hgetall":
      case "hkeys":
      case "hvals":
      case "hlen": {
        const h = coll(a[0], "hash");
        if (h === "wrong") return WRONGTYPE;
        const entries = [...(h?.v ?? new Map<string, string>())];
        if (name === "hlen") return int(entries.length);
        return arr(entries.flatMap(([k, v]) => (name === "hgetall" ? [bulk(k), bulk(v)] : name === "hkeys" ? [bulk(k)] : [bulk(v)])));
      }
      case "sadd":
      case "srem": {
        const s = coll(a[0], "set");
        if (s === "wrong") return WRONGTYPE;
        const set = s ?? { t: "set" as const, v: new Set<string>() };
        let n = 0;
        for (const m of a.slice(1)) {
          if (name === "sadd" && !set.v.has(m)) {
            set.v.add(m);
            n++;
          } else if (name === "srem" && set.v.delete(m)) n++;
        }
        if (!s && set.v.size) db.set(a[0], { value: set, expireAt: null });
        if (s && set.v.size === 0) db.delete(a[0]);
        if (n) wrote(n);
        return int(n);
      }
      case "smembers": {
        const s = coll(a[0], "set");
        return s === "wrong" ? WRONGTYPE : arr([...(s?.v ?? [])].map((m) => bulk(m)));
      }
      case "sismember": {
        const s = coll(a[0], "set");
        return s === "wrong" ? WRONGTYPE : int(s?.v.has(a[1]) ? 1 : 0);
      }
      case "scard": {
        const s = coll(a[0], "set");
        return s === "wrong" ? WRONGTYPE : int(s?.v.size ?? 0);
      }
      case "save": {
        const e = save();
        if (e) return err("ERR");
        void log("M", "*", "DB saved on disk");
        return ok;
      }
      case "bgsave": {
        void (async () => {
          await log("M", "*", `Background saving started by pid ${pid + 20}`);
          const e = save();
          await log("M", e ? "#" : "*", e ? "Background saving error" : "Background saving terminated with success");
        })();
        return { t: "status", s: "Background saving started" };
      }
      case "lastsave":
        return int(Math.floor(store.lastSave / 1000));
      case "info":
        return bulk(`# Server\r\nredis_version:${REDIS_VERSION}\r\nredis_mode:standalone\r\nos:Linux 6.10.14-linuxkit x86_64\r\ntcp_port:${o.port}\r\n\r\n# Persistence\r\nrdb_changes_since_last_save:${store.dirty}\r\nrdb_last_save_time:${Math.floor(store.lastSave / 1000)}\r\n\r\n# Keyspace\r\n` + store.dbs.map((d, i) => (d.size ? `db${i}:keys=${d.size},expires=${[...d.values()].filter((e) => e.expireAt !== null).length},avg_ttl=0,subexpiry=0\r\n` : "")).join(""));
      case "command":
        return arr([]);
      default: {
        const shown = a.slice(0, 8).map((x) => `'${x}' `).join("");
        return err(`ERR unknown command '${cmd[0]}', with args beginning with: ${shown}`);
      }
    }
  };

  const serve = async (s: Socket) => {
    const r = new Reader(s.input);
    const conn = { db: 0, authed: false };
    try {
      for (;;) {
        const c = await ctx.proc.guard(r.command());
        if (c === null) break;
        if (!Array.isArray(c)) {
          await s.output.write(encode(err(`ERR ${c.error}`)));
          break;
        }
        if (c.length === 0) continue;
        const reply = exec(c, conn);
        if (reply === "quit") {
          await s.output.write(encode(ok));
          break;
        }
        await s.output.write(encode(reply));
        await ctx.tick();
      }
    } catch (e) {
      if (!(e instanceof NetError) && !(e instanceof Error && e.name === "BrokenPipe")) throw e;
    } finally {
      s.close();
    }
  };

  for (const sig of [SIGNALS.TERM, SIGNALS.INT]) ctx.proc.handlers.set(sig, "catch");
  void (async () => {
    for (;;) {
      const s = await ctx.proc.guard(listener.accept());
      if (!s) return;
      void serve(s).catch(() => {});
    }
  })().catch(() => {});
  while (ctx.proc.pending.length === 0) await ctx.proc.guard(ctx.proc.nextSignal());
  const sig = ctx.proc.pending.shift()!;
  (saveTimer as (() => void) | null)?.();
  await ctx.stdout.write(`${pid}:signal-handler (${Math.floor(ctx.now() / 1000)}) Received ${sig === SIGNALS.TERM ? "SIGTERM" : "SIGINT"} scheduling shutdown...\n`);
  await log("M", "*", "User requested shutdown...");
  if (o.save.length) {
    await log("M", "*", "Saving the final RDB snapshot before exiting.");
    const e = save();
    if (e) {
      await log("M", "#", `Error trying to save the DB, can't exit.`);
    } else await log("M", "*", "DB saved on disk");
  }
  await log("M", "#", "Redis is now ready to exit, bye bye...");
  listener.close();
  return 0;
};
