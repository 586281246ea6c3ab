/** Resolving a container's USER ("name", "uid", "uid:gid", "name:group") against its /etc/passwd and /etc/group. */
import { text } from "../../util/bytes";
import type { Vfs } from "../../runtime/vfs";

export interface ExecUser {
  uid: number;
  gid: number;
  groups: number[];
  home: string;
}

function table(vfs: Vfs, path: string): string[][] {
  try {
    return text(vfs.readFile(path))
      .split("\n")
      .filter((l) => l && !l.startsWith("#"))
      .map((l) => l.split(":"));
  } catch {
    return [];
  }
}

/** Returns the user, or an error message as runc prints it. */
export function resolveUser(vfs: Vfs, spec: string): ExecUser | string {
  const passwd = table(vfs, "/etc/passwd");
  const groups = table(vfs, "/etc/group");
  const [u, g] = spec === "" ? ["0", undefined] : spec.split(":", 2);
  let uid: number;
  let gid: number;
  let home = "/";
  let name: string | undefined;
  const pw = passwd.find((p) => p[0] === u) ?? (/^\d+$/.test(u) ? passwd.find((p) => p[2] === u) : undefined);
  if (pw) {
    uid = Number(pw[2]);
    gid = Number(pw[3]);
    home = pw[5] || "/";
    name = pw[0];
  } else if (/^\d+$/.test(u)) {
    uid = Number(u);
    gid = uid === 0 ? 0 : uid;
    if (uid !== 0) gid = 0;
  } else return `unable to find user ${u}: no matching entries in passwd file`;
  if (g !== undefined) {
    const gr = groups.find((x) => x[0] === g) ?? (/^\d+$/.test(g) ? groups.find((x) => x[2] === g) : undefined);
    if (gr) gid = Number(gr[2]);
    else if (/^\d+$/.test(g)) gid = Number(g);
    else return `unable to find group ${g}: no matching entries in group file`;
  }
  const supplementary = name ? groups.filter((x) => (x[3] ?? "").split(",").includes(name!)).map((x) => Number(x[2])) : [];
  return { uid, gid, groups: [gid, ...supplementary.filter((x) => x !== gid)], home };
}
