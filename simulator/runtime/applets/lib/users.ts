/** User and group names from /etc/passwd and /etc/group, read through the process's Vfs. */
import { text } from "../../../util/bytes";
import type { Vfs } from "../../vfs";

export interface PwEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}
export interface GrEntry {
  name: string;
  gid: number;
  members: string[];
}

function lines(vfs: Vfs, path: string): string[][] {
  try {
    return text(vfs.readFile(path))
      .split("\n")
      .filter((l) => l && !l.startsWith("#"))
      .map((l) => l.split(":"));
  } catch {
    return [];
  }
}

/** A per-invocation cache of the account databases (BusyBox caches names too). */
export class Accounts {
  private pw: PwEntry[] | null = null;
  private gr: GrEntry[] | null = null;
  constructor(private readonly vfs: Vfs) {}

  passwd(): PwEntry[] {
    this.pw ??= lines(this.vfs, "/etc/passwd")
      .filter((f) => f.length >= 4 && /^\d+$/.test(f[2]))
      .map((f) => ({ name: f[0], uid: +f[2], gid: +f[3], home: f[5] ?? "", shell: f[6] ?? "" }));
    return this.pw;
  }
  groups(): GrEntry[] {
    this.gr ??= lines(this.vfs, "/etc/group")
      .filter((f) => f.length >= 3 && /^\d+$/.test(f[2]))
      .map((f) => ({ name: f[0], gid: +f[2], members: (f[3] ?? "").split(",").filter(Boolean) }));
    return this.gr;
  }
  userName(uid: number): string | null {
    return this.passwd().find((p) => p.uid === uid)?.name ?? null;
  }
  groupName(gid: number): string | null {
    return this.groups().find((g) => g.gid === gid)?.name ?? null;
  }
  /** The name, or the number as text when there is none (ls -l, stat %U). */
  user(uid: number): string {
    return this.userName(uid) ?? String(uid);
  }
  group(gid: number): string {
    return this.groupName(gid) ?? String(gid);
  }
  byUserName(name: string): PwEntry | null {
    return this.passwd().find((p) => p.name === name) ?? null;
  }
  gidByName(name: string): number | null {
    return this.groups().find((g) => g.name === name)?.gid ?? null;
  }
}
