/**
 * The filesystem contract every backend (plain trees, overlays, /proc, /dev) fulfils.
 *
 * Backends take *resolved* paths: arrays of components below the backend's root, in which
 * no component but possibly the last is a symlink. Symlinks, mount points and permission
 * checks are handled one level up, in runtime/mountns.ts.
 */
export type FileType = "file" | "dir" | "symlink" | "chardev" | "fifo" | "socket";

export const S_ISUID = 0o4000;
export const S_ISGID = 0o2000;
export const S_ISVTX = 0o1000;

export interface Stat {
  type: FileType;
  /** Permission bits including setuid/setgid/sticky (no file-type bits). */
  mode: number;
  uid: number;
  gid: number;
  /** Bytes of content; a symlink's size is the length of its target. */
  size: number;
  /** Modification time, ms since the epoch. */
  mtime: number;
  nlink: number;
  ino: number;
  /** Symlink target. */
  target?: string;
  /** Character device name ("null", "zero", "tty", ...). */
  rdev?: string;
}

export type Errno =
  | "ENOENT"
  | "ENOTDIR"
  | "EISDIR"
  | "EEXIST"
  | "ENOTEMPTY"
  | "EACCES"
  | "EPERM"
  | "EROFS"
  | "ELOOP"
  | "EINVAL"
  | "EXDEV"
  | "EBUSY"
  | "ENOSPC"
  | "EFBIG"
  | "ENAMETOOLONG"
  | "ENOEXEC"
  | "EAGAIN"
  | "EPIPE";

/** The strerror() text Linux (musl/glibc) prints for each errno. */
export const STRERROR: Record<Errno, string> = {
  ENOENT: "No such file or directory",
  ENOTDIR: "Not a directory",
  EISDIR: "Is a directory",
  EEXIST: "File exists",
  ENOTEMPTY: "Directory not empty",
  EACCES: "Permission denied",
  EPERM: "Operation not permitted",
  EROFS: "Read-only file system",
  ELOOP: "Too many levels of symbolic links",
  EINVAL: "Invalid argument",
  EXDEV: "Invalid cross-device link",
  EBUSY: "Device or resource busy",
  ENOSPC: "No space left on device",
  EFBIG: "File too large",
  ENAMETOOLONG: "File name too long",
  ENOEXEC: "Exec format error",
  EAGAIN: "Resource temporarily unavailable",
  EPIPE: "Broken pipe",
};

export class FsError extends Error {
  constructor(
    readonly code: Errno,
    readonly path = "",
  ) {
    super(STRERROR[code]);
    this.name = "FsError";
  }
}

export function isFsError(e: unknown): e is FsError {
  return e instanceof FsError;
}

/** Metadata a caller may set when creating or changing an entry. */
export interface Meta {
  mode?: number;
  uid?: number;
  gid?: number;
  mtime?: number;
}

/** A backend below a mount point. Paths are component arrays, already resolved. */
export interface Backend {
  readonly readOnly: boolean;
  lstat(p: readonly string[]): Stat | null;
  readdir(p: readonly string[]): string[];
  readFile(p: readonly string[]): Uint8Array;
  /** Create or replace the content of a regular file (creating it with `meta` if new). */
  writeFile(p: readonly string[], data: Uint8Array, meta: Meta): void;
  mkdir(p: readonly string[], meta: Meta): void;
  symlink(target: string, p: readonly string[], meta: Meta): void;
  mknod(p: readonly string[], type: "chardev" | "fifo", rdev: string, meta: Meta): void;
  link(existing: readonly string[], p: readonly string[]): void;
  unlink(p: readonly string[]): void;
  rmdir(p: readonly string[]): void;
  rename(from: readonly string[], to: readonly string[]): void;
  setattr(p: readonly string[], meta: Meta): void;
}
