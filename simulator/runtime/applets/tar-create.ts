/** tar c: walk the named files depth-first as BusyBox's recursive_action does and write BusyBox's layout. */
import type { Stat } from "../../fs/types";
import { type TarEntry, writeTar } from "../../util/tar";
import type { ProcessContext } from "../program";
import { readAll } from "../streams";
import { errText, warn } from "./lib/sys-applet";
import { stripUnsafePrefix } from "./lib/sys-tarnames";
import { groupName, userName } from "./lib/sys-users";

export interface CreateOptions {
  files: string[];
  dereference: boolean;
  recurse: boolean;
  verbose: boolean;
  /** Where verbose names go (stderr when the archive is stdout). */
  listTo: (line: string) => Promise<void>;
  /** The archive file's inode, never stored in itself. */
  self: number | null;
}

/** Major/minor numbers of the simulated character devices. */
const DEVNUMS: Record<string, [number, number]> = { null: [1, 3], zero: [1, 5], full: [1, 7], random: [1, 8], urandom: [1, 9], tty: [5, 0], console: [5, 1] };

export async function createEntries(ctx: ProcessContext, o: CreateOptions): Promise<{ entries: TarEntry[]; failed: boolean }> {
  const fs = ctx.fs;
  const entries: TarEntry[] = [];
  const links = new Map<number, string>();
  let failed = false;
  let warned = false;

  const add = async (path: string, st: Stat): Promise<boolean> => {
    const name = stripUnsafePrefix(path, (removed) => {
      if (!warned) void warn(ctx, `removing leading '${removed}' from member names`);
      warned = true;
    });
    if (name === "") return true;
    if (st.type === "socket") {
      await warn(ctx, `${path}: socket ignored`);
      return true;
    }
    let hardlinkTo: string | undefined;
    if (st.type !== "dir" && st.nlink > 1) {
      hardlinkTo = links.get(st.ino);
      if (hardlinkTo === undefined) links.set(st.ino, name);
    }
    if (o.self !== null && st.ino === o.self) {
      await warn(ctx, `${path}: file is the archive; skipping`);
      return true;
    }
    const e: TarEntry = {
      name,
      type: "file",
      mode: st.mode & 0o7777,
      uid: st.uid,
      gid: st.gid,
      uname: userName(fs, st.uid),
      gname: groupName(fs, st.gid),
      mtime: Math.max(0, Math.floor(st.mtime / 1000) * 1000),
      size: 0,
    };
    if (hardlinkTo !== undefined) {
      e.type = "hardlink";
      e.linkname = hardlinkTo;
    } else if (st.type === "symlink") {
      e.type = "symlink";
      e.linkname = fs.readlink(path);
    } else if (st.type === "dir") {
      e.type = "dir";
    } else if (st.type === "chardev") {
      e.type = "chardev";
      [e.devmajor, e.devminor] = DEVNUMS[st.rdev ?? ""] ?? [0, 0];
    } else if (st.type === "fifo") {
      e.type = "fifo";
    } else {
      try {
        e.data = await readAll(fs.openRead(path));
      } catch (err) {
        await warn(ctx, `can't open '${path}': ${errText(err)}`);
        return false;
      }
      e.size = e.data.length;
    }
    entries.push(e);
    if (o.verbose) await o.listTo(e.type === "dir" && !name.endsWith("/") && name.length < 100 ? name + "/" : name);
    return true;
  };

  const walk = async (path: string, depth: number): Promise<boolean> => {
    await ctx.tick();
    let st: Stat;
    try {
      st = o.dereference ? fs.stat(path) : fs.lstat(path);
    } catch (err) {
      await warn(ctx, `${path}: ${errText(err)}`);
      return false;
    }
    if (st.type !== "dir" || !o.recurse) return add(path, st);
    if (!(await add(path, st))) return false;
    let names: string[];
    try {
      names = fs.readdir(path);
    } catch (err) {
      await warn(ctx, `${path}: ${errText(err)}`);
      return false;
    }
    let ok = true;
    for (const n of names) {
      if (n === "." || n === "..") continue;
      if (!(await walk(path.endsWith("/") ? path + n : path + "/" + n, depth + 1))) ok = false;
    }
    return ok;
  };

  for (const f of o.files) if (!(await walk(f, 0))) failed = true;
  return { entries, failed };
}

export function archiveBytes(entries: TarEntry[]): Uint8Array {
  return writeTar(entries, { format: "busybox" });
}
