/** Error texts as the reference BusyBox (glibc) prints them. */
import { FsError, STRERROR } from "../../../fs/types";
import type { ProcessContext } from "../../program";
import { appletName } from "./applet";

/** glibc's wording where it differs from the shared table. */
const GLIBC: Partial<Record<string, string>> = {
  ELOOP: "Too many levels of symbolic links",
  EBUSY: "Device or resource busy",
  EIO: "Input/output error",
  ENOTEMPTY: "Directory not empty",
};

export function strerror(e: unknown): string {
  if (e instanceof FsError) return GLIBC[e.code] ?? STRERROR[e.code];
  if (e instanceof Error) return e.message;
  return String(e);
}

/** The errno code of an FsError, or null for anything else. */
export function errnoOf(e: unknown): string | null {
  return e instanceof FsError ? e.code : null;
}

/** Rethrow anything that is not a filesystem error (Killed, BrokenPipe, ExitRequest...). */
export function fsOnly(e: unknown): FsError {
  if (e instanceof FsError) return e;
  throw e;
}

/** "<applet>: <message>" on stderr (bb_error_msg). */
export async function warn(ctx: ProcessContext, msg: string): Promise<void> {
  await ctx.stderr.write(`${appletName(ctx)}: ${msg}\n`);
}

/** "<applet>: <path>: <strerror>" (bb_perror_msg / bb_simple_perror_msg). */
export async function perror(ctx: ProcessContext, path: string, e: unknown): Promise<void> {
  await warn(ctx, `${path}: ${strerror(fsOnly(e))}`);
}
