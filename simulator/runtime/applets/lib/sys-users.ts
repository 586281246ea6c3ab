/** The user and group databases (/etc/passwd, /etc/group) as getpwnam/getgrgid read them. */
import type { Vfs } from "../../vfs";

export interface PasswdEntry {
  name: string;
  passwd: string;
  uid: number;
  gid: number;
  gecos: string;
  home: string;
  shell: string;
}

export interface GroupEntry {
  name: string;
  passwd: string;
  gid: number;
  members: string[];
}

function lines(fs: Vfs, path: string): string[][] {
  let data: Uint8Array;
  try {
    data = fs.readFile(path);
  } catch {
    return [];
  }
  return new TextDecoder()
    .decode(data)
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("#"))
    .map((l) => l.split(":"));
}

const num = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s) ? Number(s) : NaN);

export function passwd(fs: Vfs): PasswdEntry[] {
  return lines(fs, "/etc/passwd")
    .filter((f) => f.length >= 7 && !Number.isNaN(num(f[2])) && !Number.isNaN(num(f[3])))
    .map((f) => ({ name: f[0], passwd: f[1], uid: num(f[2]), gid: num(f[3]), gecos: f[4], home: f[5], shell: f[6] }));
}

export function groups(fs: Vfs): GroupEntry[] {
  return lines(fs, "/etc/group")
    .filter((f) => f.length >= 3 && !Number.isNaN(num(f[2])))
    .map((f) => ({ name: f[0], passwd: f[1], gid: num(f[2]), members: (f[3] ?? "").split(",").filter(Boolean) }));
}

export const userById = (fs: Vfs, uid: number) => passwd(fs).find((u) => u.uid === uid);
export const userByName = (fs: Vfs, name: string) => passwd(fs).find((u) => u.name === name);
export const groupById = (fs: Vfs, gid: number) => groups(fs).find((g) => g.gid === gid);
export const groupByName = (fs: Vfs, name: string) => groups(fs).find((g) => g.name === name);

/** BusyBox's get_cached_username: the name, or the number when there is none. */
export function userName(fs: Vfs, uid: number): string {
  return userById(fs, uid)?.name ?? String(uid);
}
export function groupName(fs: Vfs, gid: number): string {
  return groupById(fs, gid)?.name ?? String(gid);
}

/** getgrouplist(user, gid): the primary group, then every group listing the user, in file order. */
export function groupList(fs: Vfs, user: string, gid: number): number[] {
  const out = [gid];
  for (const g of groups(fs)) if (g.members.includes(user) && !out.includes(g.gid)) out.push(g.gid);
  return out;
}
