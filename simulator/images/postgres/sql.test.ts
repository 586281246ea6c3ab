import { describe, expect, it } from "vitest";
import { runStatement, splitStatements, SqlError, type Db, type Table, type Value } from "./sql";
import { formatTable } from "./psql";

function memoryDb(): Db {
  const tables: Table[] = [];
  const rows = new Map<number, Value[][]>();
  let oid = 16384;
  return {
    name: "postgres",
    user: "postgres",
    version: "PostgreSQL 17.11",
    now: () => Date.UTC(2024, 0, 1),
    tables: () => tables,
    table: (n) => tables.find((t) => t.name === n),
    createTable: (t) => {
      const table = { ...t, oid: oid++ };
      tables.push(table);
      return table;
    },
    saveTable: () => {},
    dropTable: (n) => void tables.splice(tables.findIndex((t) => t.name === n), 1),
    rows: (t) => rows.get(t.oid) ?? [],
    writeRows: (t, r) => void rows.set(t.oid, r),
    createDatabase: () => null,
    dropDatabase: () => null,
  };
}

const sql = (db: Db, q: string) => runStatement(q, db);

describe("the postgres model's SQL", () => {
  it("creates, fills, queries, updates and deletes", () => {
    const db = memoryDb();
    expect(sql(db, "CREATE TABLE todos (id serial PRIMARY KEY, title varchar(40) NOT NULL, done boolean DEFAULT false)").command).toBe("CREATE TABLE");
    expect(sql(db, "INSERT INTO todos (title) VALUES ('milk'), ('bread'), ('tea')").command).toBe("INSERT 0 3");
    expect(sql(db, "UPDATE todos SET done = true WHERE title = 'bread'").command).toBe("UPDATE 1");
    expect(sql(db, "SELECT id, title FROM todos WHERE done ORDER BY id DESC").rows).toEqual([[2, "bread"]]);
    expect(sql(db, "SELECT count(*) FROM todos WHERE NOT done").rows).toEqual([[2]]);
    expect(sql(db, "DELETE FROM todos WHERE id < 2").command).toBe("DELETE 1");
    expect(sql(db, "SELECT title FROM todos ORDER BY title").rows).toEqual([["bread"], ["tea"]]);
  });

  it("fails with PostgreSQL's texts and positions", () => {
    const db = memoryDb();
    const err = (q: string) => {
      try {
        sql(db, q);
      } catch (e) {
        return e as SqlError;
      }
      throw new Error("no error");
    };
    expect(err("SELECT * FROM nope")).toMatchObject({ message: 'relation "nope" does not exist', position: 15 });
    expect(err("SELEC 1")).toMatchObject({ message: 'syntax error at or near "SELEC"', position: 1 });
    sql(db, "CREATE TABLE t (id int PRIMARY KEY, n text NOT NULL)");
    expect(err("CREATE TABLE t (x int)").message).toBe('relation "t" already exists');
    expect(err("INSERT INTO t VALUES ('x', 'a')")).toMatchObject({ message: 'invalid input syntax for type integer: "x"', position: 23 });
    sql(db, "INSERT INTO t VALUES (1, 'a')");
    expect(err("INSERT INTO t VALUES (1, 'b')")).toMatchObject({ message: 'duplicate key value violates unique constraint "t_pkey"', detail: "Key (id)=(1) already exists." });
    expect(err("INSERT INTO t (id) VALUES (2)").message).toBe('null value in column "n" of relation "t" violates not-null constraint');
    expect(err("SELECT nosuch FROM t")).toMatchObject({ message: 'column "nosuch" does not exist', position: 8 });
  });

  it("splits a query into statements outside quotes", () => {
    expect(splitStatements("SELECT 1; SELECT ';'; ").map((s) => s.text.trim())).toEqual(["SELECT 1", "SELECT ';'"]);
  });

  it("prints results as psql's aligned format", () => {
    const db = memoryDb();
    sql(db, "CREATE TABLE p (id int, name text)");
    sql(db, "INSERT INTO p VALUES (1, 'alice'), (10, NULL)");
    expect(formatTable(sql(db, "SELECT * FROM p"), { tuplesOnly: false, unaligned: false })).toBe(" id | name  \n----+-------\n  1 | alice\n 10 | \n(2 rows)\n\n");
    expect(formatTable(sql(db, "SELECT name FROM p WHERE id = 1"), { tuplesOnly: true, unaligned: true })).toBe("alice\n");
  });
});
