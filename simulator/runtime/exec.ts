/** Finding what to run: PATH search and recognising executables (programs, #! scripts). */
import { FsError, type Errno } from "../fs/types";
import { text } from "../util/bytes";
import type { Vfs } from "./vfs";

/** Executables carry a marker after their ELF magic naming the simulated program they are. */
export const ELF_MAGIC = "\x7fELF";
export const PROGRAM_MARK = "layerlab:";

export type ExecTarget =
  | { kind: "program"; path: string; programId: string }
  | { kind: "script"; path: string; interpreter: string; arg: string | null };

const programCache = new Map<string, Uint8Array>();
const programOf = new WeakMap<Uint8Array, { id: string; size: number }>();

/**
 * Bytes of an executable for program `id`, `size` long (content models of real binaries).
 * One shared array per program and size, so every copy of /bin/busybox costs nothing.
 */
export function programBytes(id: string, size = 4096): Uint8Array {
  const key = `${id}:${size}`;
  const cached = programCache.get(key);
  if (cached) return cached;
  const head = new TextEncoder().encode(`${ELF_MAGIC}\x02\x01\x01\x00${PROGRAM_MARK}${id}\x00`);
  const out = new Uint8Array(Math.max(size, head.length));
  out.set(head);
  programCache.set(key, out);
  programOf.set(out, { id, size });
  return out;
}

/** Which program bytes an array is (for saving state without the bytes themselves). */
export function programIdentity(data: Uint8Array): { id: string; size: number } | undefined {
  return programOf.get(data);
}

/** Search PATH like execvp: the first regular file with any execute bit. */
export function lookPath(vfs: Vfs, name: string, path: string | undefined): string | null {
  if (name.includes("/")) return name;
  for (const dir of (path ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
    const cand = (dir === "" ? "." : dir) + "/" + name;
    try {
      const st = vfs.stat(cand);
      if (st.type === "file" && st.mode & 0o111) return cand;
    } catch {
      /* next */
    }
  }
  return null;
}

/** What execve(path) would run, or the errno it would fail with. */
export function identify(vfs: Vfs, path: string): ExecTarget | Errno {
  let st;
  try {
    st = vfs.stat(path);
  } catch (e) {
    return e instanceof FsError ? e.code : "ENOENT";
  }
  if (st.type === "dir") return "EACCES";
  if (st.type !== "file" || !vfs.may(st, 1) || !(st.mode & 0o111)) return "EACCES";
  let data: Uint8Array;
  try {
    data = vfs.readFile(path);
  } catch (e) {
    return e instanceof FsError ? e.code : "EACCES";
  }
  const head = text(data.subarray(0, 128));
  if (head.startsWith(ELF_MAGIC)) {
    const i = head.indexOf(PROGRAM_MARK);
    if (i < 0) return "ENOEXEC";
    const id = head.slice(i + PROGRAM_MARK.length, head.indexOf("\x00", i));
    return { kind: "program", path, programId: id };
  }
  if (head.startsWith("#!")) {
    const line = text(data.subarray(2, Math.min(data.length, 256))).split("\n")[0].trim();
    const sp = line.search(/\s/);
    const interpreter = sp < 0 ? line : line.slice(0, sp);
    const arg = sp < 0 ? null : line.slice(sp).trim() || null;
    return { kind: "script", path, interpreter, arg };
  }
  return "ENOEXEC";
}
