/**
 * Reading archives the daemon is sent (docker load, docker import): gzip is unpacked first, as
 * moby's DecompressStream does, and damage is reported the way its chrooted untar reports it.
 */
import { gunzip, isGzip } from "../../util/gzip";
import { type TarEntry, iterTar } from "../../util/tar";
import { systemError } from "../errdefs";

/** The uncompressed stream (gzip unpacked; anything else taken as a tar). */
export function decompress(data: Uint8Array): Uint8Array {
  if (!isGzip(data)) return data;
  try {
    return gunzip(data);
  } catch {
    throw systemError("Error processing tar file(exit status 1): unexpected EOF");
  }
}

/** Every entry of a tar stream, or Go's archive/tar error in the engine's wording. */
export function untar(tar: Uint8Array): TarEntry[] {
  const out: TarEntry[] = [];
  try {
    for (const e of iterTar(tar)) out.push(e);
  } catch (e) {
    const msg = e instanceof Error && /short read/.test(e.message) ? "unexpected EOF" : "archive/tar: invalid tar header";
    throw systemError(`Error processing tar file(exit status 1): ${msg}`);
  }
  return out;
}
