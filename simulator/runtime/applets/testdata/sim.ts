/** Replays a recorded case on the simulated Machine (the counterpart of record.mts). */
import type { Inode } from "../../../fs/inode";
import { split } from "../../../fs/path";
import { utf8 } from "../../../util/bytes";
import { Machine } from "../../machine";
import { type Case, type TreeItem, formatTree, words } from "./case";
import { type Entry, ETC_GROUP, ETC_PASSWD, FIXROOT, STD, entryContent, entryMode, entryTime } from "./fixture";

export const SIM_ENV = { PATH: "/usr/sbin:/usr/bin:/sbin:/bin", HOME: "/root", TZ: "UTC" };

export function buildMachine(entries: Entry[], base: number, now: number): Machine {
  const m = new Machine({ start: now });
  m.linkApplets();
  const fs = m.rootfs;
  fs.writeFile(["etc", "passwd"], utf8(ETC_PASSWD), { mode: 0o644 });
  fs.writeFile(["etc", "group"], utf8(ETC_GROUP), { mode: 0o644 });
  const root = split(FIXROOT);
  fs.mkdir(root, { mode: 0o755 });
  for (const e of entries) {
    const p = [...root, ...split(e.p)];
    const meta = { mode: entryMode(e), uid: e.uid ?? 0, gid: e.gid ?? 0, mtime: entryTime(e, base) };
    if (e.t === "d") fs.mkdir(p, meta);
    else if (e.t === "l") fs.symlink(e.to!, p, meta);
    else if (e.t === "h") fs.link([...root, ...split(e.to!)], p);
    else fs.writeFile(p, utf8(entryContent(e)), meta);
  }
  const dirs = [{ p: "", t: "d" as const }, ...entries.filter((e) => e.t === "d")];
  for (const e of dirs) fs.setattr([...root, ...split(e.p)], { mtime: entryTime(e, base) });
  return m;
}

function snapshot(m: Machine): TreeItem[] {
  const out: TreeItem[] = [];
  const walk = (n: Inode, rel: string) => {
    for (const [name, c] of n.entries!) {
      const r = rel ? `${rel}/${name}` : name;
      const type = c.type === "dir" ? "d" : c.type === "symlink" ? "l" : c.type === "file" ? "f" : "o";
      const size = c.type === "file" ? (c.data?.length ?? 0) : c.type === "symlink" ? c.target!.length : 4096;
      const item: TreeItem = { path: r, type, mode: c.mode & 0o7777, uid: c.uid, gid: c.gid, size, mtime: Math.floor(c.mtime / 1000) * 1000, nlink: c.nlink };
      if (type === "l") item.target = c.target;
      if (type === "f" && size <= 4096) item.content = new TextDecoder().decode(c.data ?? new Uint8Array(0));
      out.push(item);
      if (type === "d") walk(c, r);
    }
  };
  walk(m.rootfs.node(split(FIXROOT))!, "");
  return out;
}

export async function runSim(c: Case, base: number, nowSec: number): Promise<{ stdout: string; stderr: string; exit: number; tree?: string }> {
  const m = buildMachine([...STD, ...(c.setup ?? [])], base, nowSec * 1000);
  const r = await m.run(words(c.cmd), { stdin: c.stdin ?? "", cwd: FIXROOT + (c.cwd ? "/" + c.cwd : ""), env: { ...SIM_ENV, ...c.env } });
  const out: { stdout: string; stderr: string; exit: number; tree?: string } = { ...r };
  if (c.tree) out.tree = formatTree(snapshot(m), nowSec * 1000);
  return out;
}
