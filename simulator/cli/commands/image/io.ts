/**
 * Files and streams as the docker CLI handles them for save/load/export/import: reading an
 * input file (Go's "open x: no such file or directory"), writing an output file atomically with
 * mode 0600 (moby/sys/atomicwriter's checks and texts), and the terminal checks.
 */
import { dirname } from "../../../fs/path";
import { FsError, type Errno } from "../../../fs/types";
import { readAll, readLine } from "../../../runtime/streams";
import type { CliEnv } from "../../command";

/** Go's syscall error texts (lowercase). */
const GO_ERRNO: Partial<Record<Errno, string>> = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  ENOTDIR: "not a directory",
  EISDIR: "is a directory",
  ELOOP: "too many levels of symbolic links",
  EROFS: "read-only file system",
  ENOSPC: "no space left on device",
};

export function goErrno(e: unknown): string {
  if (e instanceof FsError) return GO_ERRNO[e.code] ?? e.message.toLowerCase();
  return e instanceof Error ? e.message : String(e);
}

/** os.Open's checks: the file must exist and be readable (a directory opens, but reads fail). */
export function openInputFile(env: CliEnv, path: string): void {
  const fs = env.ctx.fs;
  try {
    const st = fs.stat(path);
    if (st.type !== "dir" && !fs.access(path, 4)) throw new FsError("EACCES");
  } catch (e) {
    throw new Error(`open ${path}: ${goErrno(e)}`);
  }
}

/**
 * The content of `path` (os.Open, then read while the request streams it), or an Error with Go's
 * text. A directory opens but cannot be read: the request fails with the API call in the message.
 */
export function readInputFile(env: CliEnv, path: string, request: string): Uint8Array {
  try {
    return env.ctx.fs.readFile(path);
  } catch (e) {
    if (e instanceof FsError && e.code === "EISDIR") throw new Error(`error during connect: Post "http://%2Fvar%2Frun%2Fdocker.sock/v1.41/${request}": read ${path}: is a directory`);
    throw new Error(`open ${path}: ${goErrno(e)}`);
  }
}

/** A query string as Go's url.Values.Encode writes it (keys sorted, values escaped). */
export function queryString(values: Array<[string, string]>): string {
  const esc = (s: string) => encodeURIComponent(s).replace(/%20/g, "+").replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
  return [...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${esc(k)}=${esc(v)}`).join("&");
}

export async function readStdin(env: CliEnv): Promise<Uint8Array> {
  return readAll(env.ctx.stdin);
}

/** atomicwriter.New's checks; returns an error text or null. */
export function checkOutputPath(env: CliEnv, path: string): string | null {
  const fs = env.ctx.fs;
  if (path === "") return "file name is empty";
  const dir = dirname(path);
  if (dir !== "." && dir !== "..") {
    try {
      if (fs.stat(dir).type !== "dir") return `invalid output path: ${JSON.stringify(dir)} must be a directory`;
    } catch (e) {
      return `invalid output path: stat ${dir}: ${goErrno(e)}`;
    }
  }
  let st;
  try {
    st = fs.lstat(path);
  } catch (e) {
    if (e instanceof FsError && e.code === "ENOENT") return null;
    return `failed to stat output path: lstat ${path}: ${goErrno(e)}`;
  }
  switch (st.type) {
    case "file":
      return null;
    case "dir":
      return "cannot write to a directory";
    case "chardev":
      return "cannot write to a character device file";
    case "symlink":
      return "cannot write to a symbolic link directly";
    case "fifo":
      return "cannot write to a named pipe (FIFO)";
    default:
      return "cannot write to a socket";
  }
}

/** Replace `path` with `data`, mode 0600 (a new file renamed over the old one). */
export function writeOutputFile(env: CliEnv, path: string, data: Uint8Array): void {
  const fs = env.ctx.fs;
  try {
    if (fs.exists(path)) fs.unlink(path);
    fs.writeFile(path, data, { mode: 0o600 });
  } catch (e) {
    throw new Error(`open ${fs.abs(path)}: ${goErrno(e)}`);
  }
}

/** prompt.Confirm: "<message> [y/N] " on stdout, then one line of stdin; true only for y/Y. */
export async function confirm(env: CliEnv, message: string): Promise<boolean> {
  await env.out(message + " [y/N] ");
  const line = await readLine(env.ctx.stdin);
  return line !== null && line.trim().toLowerCase() === "y";
}
