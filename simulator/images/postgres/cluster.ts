/**
 * A database cluster in its data directory ($PGDATA), as the postgres model keeps it: the
 * layout initdb makes (PG_VERSION, the configuration files, base/<database oid>/, global/,
 * pg_wal/, ...), the databases in global/1262 and the roles in global/1260 (the file names of
 * pg_database and pg_authid), each database's tables in base/<oid>/1259 (pg_class) and each
 * table's rows in base/<oid>/<table oid>. The contents are this model's own text format, not
 * PostgreSQL's pages: what matters for the lessons is where the data lives, so that a volume
 * keeps it and a container's writable layer loses it.
 */
import type { Vfs } from "../../runtime/vfs";
import { sha256Hex } from "../../util/sha256";
import { text } from "../../util/bytes";
import type { Db, Table, Value } from "./sql";

export const PG_MAJOR = "17";
export const PG_VERSION = "17.11";
export const PG_VERSION_LONG = `PostgreSQL ${PG_VERSION} (Debian ${PG_VERSION}-1.pgdg13+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 14.2.0-19) 14.2.0, 64-bit`;
export const SOCKET = "/var/run/postgresql/.s.PGSQL.5432";

export interface Control {
  state: "shut down" | "in production";
  time: number;
  nextOid: number;
}

export const SUBDIRS = ["base", "base/1", "base/4", "base/5", "global", "pg_commit_ts", "pg_dynshmem", "pg_logical", "pg_logical/mappings", "pg_logical/snapshots", "pg_multixact", "pg_multixact/members", "pg_multixact/offsets", "pg_notify", "pg_replslot", "pg_serial", "pg_snapshots", "pg_stat", "pg_stat_tmp", "pg_subtrans", "pg_tblspc", "pg_twophase", "pg_wal", "pg_wal/archive_status", "pg_wal/summaries", "pg_xact"];

export function passwordHash(user: string, password: string): string {
  return `SCRAM-SHA-256$4096:${sha256Hex("salt:" + user).slice(0, 24)}$${sha256Hex(user + ":" + password)}`;
}

export class Cluster {
  constructor(
    readonly fs: Vfs,
    readonly dir: string,
  ) {}

  private read(p: string): string | null {
    try {
      return text(this.fs.readFile(`${this.dir}/${p}`));
    } catch {
      return null;
    }
  }

  private write(p: string, s: string): void {
    this.fs.writeFile(`${this.dir}/${p}`, s, { mode: 0o600 });
  }

  initialized(): boolean {
    return this.read("PG_VERSION") !== null;
  }

  control(): Control {
    const s = this.read("global/pg_control");
    return s ? (JSON.parse(s) as Control) : { state: "shut down", time: 0, nextOid: 16384 };
  }

  setControl(c: Control): void {
    this.write("global/pg_control", JSON.stringify(c) + "\n");
  }

  newOid(): number {
    const c = this.control();
    const oid = c.nextOid;
    this.setControl({ ...c, nextOid: oid + 1 });
    return oid;
  }

  databases(): Array<{ oid: number; name: string }> {
    return (this.read("global/1262") ?? "")
      .split("\n")
      .filter(Boolean)
      .map((l) => {
        const [oid, name] = l.split("\t");
        return { oid: Number(oid), name };
      });
  }

  private setDatabases(list: Array<{ oid: number; name: string }>): void {
    this.write("global/1262", list.map((d) => `${d.oid}\t${d.name}\n`).join(""));
  }

  roles(): Array<{ name: string; password: string | null }> {
    return (this.read("global/1260") ?? "")
      .split("\n")
      .filter(Boolean)
      .map((l) => {
        const [name, password] = l.split("\t");
        return { name, password: password || null };
      });
  }

  setRoles(list: Array<{ name: string; password: string | null }>): void {
    this.write("global/1260", list.map((r) => `${r.name}\t${r.password ?? ""}\n`).join(""));
  }

  createDatabase(name: string): string | null {
    const dbs = this.databases();
    if (dbs.some((d) => d.name === name)) return `database "${name}" already exists`;
    const oid = this.newOid();
    this.fs.mkdir(`${this.dir}/base/${oid}`, 0o700);
    this.write(`base/${oid}/1259`, "");
    this.setDatabases([...dbs, { oid, name }]);
    return null;
  }

  dropDatabase(name: string, ifExists: boolean, current: string): string | null {
    const dbs = this.databases();
    const d = dbs.find((x) => x.name === name);
    if (!d) return ifExists ? null : `database "${name}" does not exist`;
    if (name === current) return "cannot drop the currently open database";
    for (const f of this.fs.readdir(`${this.dir}/base/${d.oid}`)) this.fs.unlink(`${this.dir}/base/${d.oid}/${f}`);
    this.fs.rmdir(`${this.dir}/base/${d.oid}`);
    this.setDatabases(dbs.filter((x) => x !== d));
    return null;
  }

  /** A database as the SQL layer uses it. */
  open(name: string, user: string, now: () => number): Db | null {
    const d = this.databases().find((x) => x.name === name);
    if (!d) return null;
    const base = `base/${d.oid}`;
    const tables = (): Table[] =>
      (this.read(`${base}/1259`) ?? "")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Table);
    const setTables = (ts: Table[]) => this.write(`${base}/1259`, ts.map((t) => JSON.stringify(t) + "\n").join(""));
    return {
      name,
      user,
      version: PG_VERSION_LONG,
      now,
      tables,
      table: (n) => tables().find((t) => t.name === n),
      createTable: (t) => {
        const table: Table = { ...t, oid: this.newOid() };
        setTables([...tables(), table]);
        this.write(`${base}/${table.oid}`, "");
        return table;
      },
      saveTable: (t) => setTables(tables().map((x) => (x.oid === t.oid ? t : x))),
      dropTable: (n) => {
        const t = tables().find((x) => x.name === n);
        if (!t) return;
        setTables(tables().filter((x) => x !== t && x.oid !== t.oid));
        try {
          this.fs.unlink(`${this.dir}/${base}/${t.oid}`);
        } catch {
          /* already gone */
        }
      },
      rows: (t) =>
        (this.read(`${base}/${t.oid}`) ?? "")
          .split("\n")
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Value[]),
      writeRows: (t, rows) => this.write(`${base}/${t.oid}`, rows.map((r) => JSON.stringify(r) + "\n").join("")),
      createDatabase: (n) => this.createDatabase(n),
      dropDatabase: (n, ifExists) => this.dropDatabase(n, ifExists, name),
    };
  }
}

/** pg_hba.conf's method for a connection: the first line whose type, database, user and address match. */
export function hbaMethod(conf: string, local: boolean, addr: string, db: string, user: string): string | null {
  for (const raw of conf.split("\n")) {
    const f = raw.replace(/#.*/, "").trim().split(/\s+/);
    if (f.length < 4 || !f[0]) continue;
    const [type, dbs, users] = f;
    if (local !== (type === "local")) continue;
    if (dbs !== "all" && !dbs.split(",").includes(db)) continue;
    if (users !== "all" && !users.split(",").includes(user)) continue;
    if (type === "local") return f[3];
    const address = f[3];
    const method = f[4];
    if (address === "all" || address === "0.0.0.0/0") return method;
    const [net, bits] = address.split("/");
    if (!net.includes(".")) continue;
    const n = Number(bits ?? "32");
    const num = (ip: string) => ip.split(".").reduce((a, o) => a * 256 + Number(o), 0);
    const size = 2 ** (32 - n);
    if (Math.floor(num(addr) / size) === Math.floor(num(net) / size)) return method;
  }
  return null;
}
