/**
 * Records what the reference BusyBox prints for every case table in cases/:
 *
 *   npx tsx simulator/runtime/applets/testdata/record.mts [group...]
 *
 * Each case runs `/bin/busybox <words>` in a fresh copy of the fixture at FIXROOT (as root,
 * TZ=UTC) and its stdout, stderr, exit status and, for mutating cases, the resulting tree are
 * written to recorded/<group>.json. The tests replay the same cases on the simulated Machine.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { join } from "node:path";
import { type Case, type RecordFile, type TreeItem, caseKey, formatTree, words } from "./case.ts";
import { type Entry, FIXROOT, STD, entryContent, entryMode, entryTime } from "./fixture.ts";

const here = new URL(".", import.meta.url).pathname;
// commands run by find -exec and xargs are BusyBox applets too, as in the simulated machine
const BIN = "/tmp/llbin";
fs.rmSync(BIN, { recursive: true, force: true });
fs.mkdirSync(BIN);
for (const a of spawnSync("/bin/busybox", ["--list"], { encoding: "utf8" }).stdout.split("\n").filter(Boolean)) fs.symlinkSync("/bin/busybox", join(BIN, a));
const ENV = { PATH: `${BIN}:/usr/sbin:/usr/bin:/sbin:/bin`, HOME: "/root", TZ: "UTC" };

function build(entries: Entry[], base: number): void {
  fs.rmSync(FIXROOT, { recursive: true, force: true });
  fs.mkdirSync(FIXROOT, { mode: 0o755 });
  fs.chmodSync(FIXROOT, 0o755);
  for (const e of entries) {
    const p = join(FIXROOT, e.p);
    if (e.t === "d") fs.mkdirSync(p, { recursive: true });
    else if (e.t === "l") fs.symlinkSync(e.to!, p);
    else if (e.t === "h") fs.linkSync(join(FIXROOT, e.to!), p);
    else fs.writeFileSync(p, entryContent(e));
  }
  for (const e of entries) {
    if (e.t === "h") continue;
    const p = join(FIXROOT, e.p);
    // owner first: chown clears setuid bits
    fs.lchownSync(p, e.uid ?? 0, e.gid ?? 0);
    if (e.t !== "l") fs.chmodSync(p, entryMode(e));
  }
  // times last, deepest first, so that creating entries does not touch directories afterwards
  const dated = [...entries.filter((e) => e.t !== "h"), { p: "", t: "d" as const }].sort((a, b) => b.p.split("/").length - a.p.split("/").length);
  for (const e of dated) {
    const t = entryTime(e, base) / 1000;
    fs.lutimesSync(join(FIXROOT, e.p), t, t);
  }
}

export function snapshot(root: string): TreeItem[] {
  const out: TreeItem[] = [];
  const walk = (rel: string) => {
    for (const name of fs.readdirSync(join(root, rel))) {
      const r = rel ? `${rel}/${name}` : name;
      const st = fs.lstatSync(join(root, r));
      const type = st.isDirectory() ? "d" : st.isSymbolicLink() ? "l" : st.isFile() ? "f" : "o";
      const item: TreeItem = { path: r, type, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, size: st.size, mtime: Math.floor(st.mtimeMs / 1000) * 1000, nlink: st.nlink };
      if (type === "l") item.target = fs.readlinkSync(join(root, r));
      if (type === "f" && st.size <= 4096) item.content = fs.readFileSync(join(root, r), "utf8");
      out.push(item);
      if (type === "d") walk(r);
    }
  };
  walk("");
  return out;
}

const groups = process.argv.slice(2);
const files = fs.readdirSync(join(here, "cases")).filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -3));
const base = Math.floor(Date.now() / 60000) * 60000;
for (const g of groups.length ? groups : files) {
  const { cases } = (await import(join(here, "cases", g + ".ts"))) as { cases: Case[] };
  const rec: RecordFile = { base, results: {} };
  for (const c of cases) {
    build([...STD, ...(c.setup ?? [])], base);
    const now = Math.floor(Date.now() / 1000);
    const r = spawnSync("/bin/busybox", words(c.cmd), {
      cwd: join(FIXROOT, c.cwd ?? ""),
      input: c.stdin ?? "",
      env: { ...ENV, ...c.env },
      encoding: "utf8",
      timeout: 10_000,
    });
    // a command that exits without reading its input makes the write fail; its results stand
    if (r.error && !((r.error as NodeJS.ErrnoException).code === "EPIPE" && (r.status !== null || r.signal))) throw r.error;
    const out = { stdout: r.stdout, stderr: r.stderr, exit: r.status ?? 128 + 9, now } as RecordFile["results"][string];
    if (c.tree) out.tree = formatTree(snapshot(FIXROOT), now * 1000);
    rec.results[caseKey(c)] = out;
  }
  fs.writeFileSync(join(here, "recorded", g + ".json"), JSON.stringify(rec, null, 1) + "\n");
  console.log(`${g}: ${cases.length} cases`);
}
fs.rmSync(FIXROOT, { recursive: true, force: true });
fs.rmSync(BIN, { recursive: true, force: true });
