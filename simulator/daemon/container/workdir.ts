/** The working directory a container needs: made (as root, 0755) when missing, as the engine does at create. */
import type { Vfs } from "../../runtime/vfs";

/** Make the working directory (MkdirAllAndChown), or the engine's error text. */
export function setupWorkingDir(vfs: Vfs, wd: string): string | null {
  let cur = "";
  for (const part of wd.split("/").filter(Boolean)) {
    cur += "/" + part;
    let isDir: boolean | null = null;
    try {
      isDir = vfs.stat(cur).type === "dir";
    } catch {
      isDir = null;
    }
    if (isDir === false) return cur === wd.replace(/\/+$/, "") ? `Cannot mkdir: ${wd} is not a directory` : `mkdir ${wd}: not a directory`;
    if (isDir === null) {
      try {
        vfs.mkdir(cur, 0o755);
      } catch (e) {
        return `mkdir ${wd}: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
  }
  return null;
}

