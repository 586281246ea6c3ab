/**
 * The learner's files as an editor sees them: the tree under /home/learner, read and written
 * through the same filesystem, permission checks and ownership as the learner's shell, so an
 * edit is exactly what `cat` prints and `docker build` sends as its context.
 */
import { FsError } from "../fs/types";
import { Vfs } from "../runtime/vfs";
import { LEARNER, type Host } from "./host";

export type FileKind = "file" | "dir" | "symlink" | "other";

export interface FileEntry {
  /** Path relative to the home directory ("app/Dockerfile"). */
  path: string;
  name: string;
  kind: FileKind;
  /** Bytes of content (files), 0 otherwise. */
  size: number;
  /** 0 for entries directly in the home directory. */
  depth: number;
}

export type FileContent = { kind: "text"; text: string } | { kind: "binary"; size: number } | { kind: "too-large"; size: number };

/** A file operation the filesystem refused; `message` is the errno text ("Permission denied"). */
export class FileError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "FileError";
  }
}

/** Files larger than this are not opened in the editor (`cat` still prints them). */
export const EDITABLE_LIMIT = 256 * 1024;
/** Entries listed at most (a `seq 1 100000 | xargs touch` must not hang the page). */
export const LIST_LIMIT = 2000;

const decoder = new TextDecoder("utf-8", { fatal: true });

function fail(e: unknown): never {
  if (e instanceof FsError) throw new FileError(e.code, e.message);
  throw e;
}

export class LearnerFiles {
  readonly home = LEARNER.home;
  private readonly vfs: Vfs;

  constructor(host: Host) {
    const m = host.machine;
    this.vfs = new Vfs(m.hostNs.mnt, host.learnerCred(), LEARNER.home, () => m.sched.now, m.devices, 0);
  }

  /** A path under the home directory, absolute; throws for anything that leaves it. */
  absolute(rel: string): string {
    const parts = rel.split("/").filter((p) => p !== "" && p !== ".");
    if (parts.length === 0 || parts.some((p) => p === "..") || parts.some((p) => p.includes("\0"))) throw new FileError("EINVAL", `Not a path in ${this.home}: ${rel}`);
    return `${this.home}/${parts.join("/")}`;
  }

  /** Every entry under the home directory, depth first, names sorted; symlinks are not followed. */
  list(limit = LIST_LIMIT): { entries: FileEntry[]; truncated: boolean } {
    const entries: FileEntry[] = [];
    let truncated = false;
    const visit = (dir: string, prefix: string, depth: number) => {
      let names: string[];
      try {
        names = this.vfs.readdir(dir).sort();
      } catch {
        return; // unreadable directory: listed, not entered
      }
      for (const name of names) {
        if (entries.length >= limit) {
          truncated = true;
          return;
        }
        const path = prefix + name;
        let kind: FileKind = "other";
        let size = 0;
        try {
          const st = this.vfs.lstat(`${dir}/${name}`);
          kind = st.type === "file" || st.type === "dir" || st.type === "symlink" ? st.type : "other";
          if (st.type === "file") size = st.size;
        } catch {
          /* vanished or unreadable: show it as other */
        }
        entries.push({ path, name, kind, size, depth });
        if (kind === "dir") visit(`${dir}/${name}`, path + "/", depth + 1);
      }
    };
    visit(this.home, "", 0);
    return { entries, truncated };
  }

  /** A file's content as text, or why it cannot be edited as text. */
  read(rel: string): FileContent {
    let data: Uint8Array;
    try {
      const st = this.vfs.stat(this.absolute(rel));
      if (st.type === "file" && st.size > EDITABLE_LIMIT) return { kind: "too-large", size: st.size };
      data = this.vfs.readFile(this.absolute(rel));
    } catch (e) {
      fail(e);
    }
    if (data.length > EDITABLE_LIMIT) return { kind: "too-large", size: data.length };
    if (data.includes(0)) return { kind: "binary", size: data.length };
    try {
      return { kind: "text", text: decoder.decode(data) };
    } catch {
      return { kind: "binary", size: data.length };
    }
  }

  /** Replaces a file's content (creating it if missing), as `cat > file` would. */
  write(rel: string, text: string): void {
    try {
      this.vfs.writeFile(this.absolute(rel), text);
    } catch (e) {
      fail(e);
    }
  }

  /** A new empty file or directory; fails if the name is taken. */
  create(rel: string, kind: "file" | "dir"): void {
    try {
      const p = this.absolute(rel);
      if (kind === "dir") this.vfs.mkdir(p, 0o777);
      else this.vfs.writeFile(p, "", { exclusive: true });
    } catch (e) {
      fail(e);
    }
  }

  /** Renames or moves an entry within the home directory; an existing target is not replaced. */
  rename(from: string, to: string): void {
    try {
      const a = this.absolute(from);
      const b = this.absolute(to);
      if (a === b) return;
      if ((b + "/").startsWith(a + "/")) throw new FsError("EINVAL");
      let exists = true;
      try {
        this.vfs.lstat(b);
      } catch {
        exists = false;
      }
      if (exists) throw new FsError("EEXIST");
      this.vfs.rename(a, b);
    } catch (e) {
      fail(e);
    }
  }

  /** Removes a file, symlink or a whole directory (as `rm -r`). */
  remove(rel: string): void {
    const rm = (p: string) => {
      const st = this.vfs.lstat(p);
      if (st.type === "dir") {
        for (const name of this.vfs.readdir(p)) rm(`${p}/${name}`);
        this.vfs.rmdir(p);
      } else this.vfs.unlink(p);
    };
    try {
      rm(this.absolute(rel));
    } catch (e) {
      fail(e);
    }
  }
}
