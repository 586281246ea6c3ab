/**
 * Docker's pkg/archive for `docker cp`, shared by the daemon and the CLI: a path as a tar whose
 * entries are rebased on a name ("out/", "out/d/two"; "./" and "./one" for a trailing "/."),
 * renaming an archive's top entry (RebaseArchiveEntries), and extracting an archive into a
 * directory of a filesystem (Untar) with Docker's overwrite rules and error texts.
 */
import { FsError } from "../../fs/types";
import type { Vfs } from "../../runtime/vfs";
import { readTar, type TarEntry, writeTar } from "../../util/tar";

export class ArchiveError extends Error {}

const join = (a: string, b: string) => (a.endsWith("/") ? a + b : `${a}/${b}`);

/** Go's filepath.Clean for slash paths. */
export function cleanPath(p: string): string {
  const abs = p.startsWith("/");
  const out: string[] = [];
  for (const c of p.split("/")) {
    if (c === "" || c === ".") continue;
    if (c === "..") {
      if (out.length && out[out.length - 1] !== "..") out.pop();
      else if (!abs) out.push("..");
    } else out.push(c);
  }
  const s = (abs ? "/" : "") + out.join("/");
  return s || (abs ? "/" : ".");
}

/** SplitPathDirEntry: a path's directory and base; a path naming "." keeps "." as its base. */
export function splitDirEntry(path: string): [string, string] {
  let clean = cleanPath(path);
  if (/(^|\/)\.\/*$/.test(path)) clean = clean === "/" ? "/." : `${clean}/.`;
  const i = clean.lastIndexOf("/");
  if (i < 0) return [".", clean];
  return [clean.slice(0, i) || "/", clean.slice(i + 1) || "/"];
}

/**
 * TarResourceRebase: `path` (read through `fs`, the last component not followed) as a tar whose
 * top entry is named `base`. `owner` names uids/gids for the headers (Go's FileInfoHeader looks
 * them up on the machine that writes the archive).
 */
export function tarPath(fs: Vfs, path: string, base: string, owner: (uid: number, gid: number) => { uname?: string; gname?: string } = () => ({})): Uint8Array {
  const entries: TarEntry[] = [];
  const add = (p: string, name: string) => {
    const st = fs.lstat(p);
    const names = owner(st.uid, st.gid);
    const common = { mode: st.mode, uid: st.uid, gid: st.gid, mtime: st.mtime, ...names };
    if (st.type === "dir") {
      entries.push({ ...common, name: name.endsWith("/") ? name : name + "/", type: "dir", size: 0 });
      for (const child of fs.readdir(p).sort()) add(join(p, child), join(name, child));
    } else if (st.type === "symlink") entries.push({ ...common, name, type: "symlink", size: 0, linkname: fs.readlink(p) });
    else if (st.type === "file") {
      const data = fs.readFile(p);
      entries.push({ ...common, name, type: "file", size: data.length, data });
    } else if (st.type === "chardev") entries.push({ ...common, name, type: "chardev", size: 0, devmajor: 1, devminor: 3 });
    else if (st.type === "fifo") entries.push({ ...common, name, type: "fifo", size: 0 });
  };
  add(path, base === "." ? "./" : base);
  return writeTar(entries);
}

/** RebaseArchiveEntries: the first occurrence of `oldBase` in each name becomes `newBase`. */
export function rebaseEntries(tar: Uint8Array, oldBase: string, newBase: string): Uint8Array {
  if (oldBase === newBase) return tar;
  const entries = readTar(tar).map((e) => {
    const name = e.name.replace(oldBase, newBase);
    const linkname = e.type === "hardlink" && e.linkname ? e.linkname.replace(oldBase, newBase) : e.linkname;
    return { ...e, name, linkname };
  });
  return writeTar(entries);
}

export interface UntarOptions {
  /** Leave owners as the extracting process makes them (the CLI); else chown to the headers' ids. */
  noLchown: boolean;
  noOverwriteDirNonDir: boolean;
  /** Owner for every entry instead of the headers' (docker cp -a with a container USER). */
  chown?: { uid: number; gid: number };
}

/** Untar into the existing directory `dst`. */
export function untar(fs: Vfs, tar: Uint8Array, dst: string, opts: UntarOptions): void {
  const dirs: Array<{ path: string; e: TarEntry }> = [];
  for (const e of readTar(tar)) {
    const rel = e.name.replace(/^\.\/+/, "").replace(/\/+$/, "");
    if (rel === "" || rel === ".") {
      if (e.type === "dir") dirs.push({ path: dst, e });
      continue;
    }
    if (rel.split("/").includes("..")) throw new ArchiveError(`invalid archive path: ${JSON.stringify(e.name)} is outside of ${JSON.stringify(dst)}`);
    const path = join(dst, rel);
    let existing: ReturnType<Vfs["lstat"]> | null = null;
    try {
      existing = fs.lstat(path);
    } catch {
      existing = null;
    }
    if (existing) {
      if (opts.noOverwriteDirNonDir && existing.type === "dir" && e.type !== "dir") throw new ArchiveError(`cannot overwrite directory ${JSON.stringify(path)} with non-directory ${JSON.stringify(path)}`);
      if (opts.noOverwriteDirNonDir && existing.type !== "dir" && e.type === "dir") throw new ArchiveError(`cannot overwrite non-directory ${JSON.stringify(path)} with directory ${JSON.stringify(path)}`);
      if (existing.type === "dir" && e.type !== "dir") removeAll(fs, path);
      else if (existing.type !== "dir") fs.unlink(path);
    }
    switch (e.type) {
      case "dir":
        if (!existing || existing.type !== "dir") fs.mkdir(path, 0o700);
        dirs.push({ path, e });
        break;
      case "file":
        fs.writeFile(path, e.data ?? new Uint8Array(0), { mode: 0o600 });
        break;
      case "symlink":
        fs.symlink(e.linkname ?? "", path);
        break;
      case "hardlink":
        fs.link(join(dst, (e.linkname ?? "").replace(/^\.\/+/, "")), path);
        break;
      case "fifo":
        fs.mknod(path, "fifo", "", e.mode);
        break;
      default:
        fs.mknod(path, "chardev", "null", e.mode);
    }
    if (e.type !== "dir") finish(fs, path, e, opts);
  }
  // directories last, so that writing their children does not change their times
  for (const { path, e } of dirs.reverse()) finish(fs, path, e, opts);
}

function finish(fs: Vfs, path: string, e: TarEntry, opts: UntarOptions): void {
  const owner = opts.chown ?? (opts.noLchown ? null : { uid: e.uid, gid: e.gid });
  if (owner) fs.chown(path, owner.uid, owner.gid, false);
  if (e.type === "symlink" || e.type === "hardlink") return;
  fs.chmod(path, e.mode);
  fs.utimes(path, e.mtime, false);
}

function removeAll(fs: Vfs, path: string): void {
  const st = fs.lstat(path);
  if (st.type === "dir") {
    for (const c of fs.readdir(path)) removeAll(fs, join(path, c));
    fs.rmdir(path);
  } else fs.unlink(path);
}

/** Go's os error text for an FsError ("no such file or directory"). */
export function osErrorText(e: unknown): string {
  if (!(e instanceof FsError)) return e instanceof Error ? e.message : String(e);
  const map: Partial<Record<string, string>> = { ENOENT: "no such file or directory", ENOTDIR: "not a directory", EACCES: "permission denied", EISDIR: "is a directory", EEXIST: "file exists", EROFS: "read-only file system", EPERM: "operation not permitted" };
  return map[e.code] ?? e.code.toLowerCase();
}
