/** User database lookups the shell needs (~user, \u in prompts), from /etc/passwd in the Vfs. */
import type { Vfs } from "../vfs";
import { text } from "../../util/bytes";

function passwd(vfs: Vfs): string[][] {
  try {
    return text(vfs.readFile("/etc/passwd"))
      .split("\n")
      .filter((l) => l.includes(":"))
      .map((l) => l.split(":"));
  } catch {
    return [];
  }
}

/** Home directory of a user name, or undefined. */
export function homeOf(vfs: Vfs, name: string): string | undefined {
  const e = passwd(vfs).find((f) => f[0] === name);
  return e ? (e[5] ?? "") : undefined;
}

/** Name of a uid, or its number as text. */
export function userName(vfs: Vfs, uid: number): string {
  const e = passwd(vfs).find((f) => f[2] === String(uid));
  return e ? e[0] : String(uid);
}
