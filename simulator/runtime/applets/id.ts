/** id, groups and whoami: who a process is, named from /etc/passwd and /etc/group. */
import type { ProcessContext } from "../program";
import { Fatal, ShowUsage, defineSysApplet, nameOf } from "./lib/sys-applet";
import { getopt } from "./lib/sys-getopt";
import { groupById, groupList, userById, userByName } from "./lib/sys-users";

interface Mode {
  /** No option: the full "uid=... gid=... groups=..." line. */
  full: boolean;
  names: boolean;
}

/** BusyBox's print_common: the number and/or the name; unknown names fail outside the full line. */
function common(out: string[], err: string[], id: number, name: string | undefined, prefix: string, m: Mode): number {
  let s = prefix;
  if (!m.names || name === undefined) s += String(id);
  if (m.full || m.names) {
    if (name !== undefined) s += m.full ? `(${name})` : name;
    else if (!m.full) {
      out.push(s);
      err.push(`unknown ID ${id}`);
      return 1;
    }
  }
  out.push(s);
  return 0;
}

async function id(ctx: ProcessContext, groupsApplet: boolean): Promise<number> {
  const o = getopt(ctx.argv.slice(1), groupsApplet ? "" : "rnugG");
  const only = ["u", "g", "G"].filter((k) => o.has(k));
  if (!groupsApplet) {
    if (only.length > 1 || o.operands.length > 1) throw new ShowUsage();
    if ((o.has("r") || o.has("n")) && only.length === 0) throw new ShowUsage();
  }
  const fs = ctx.fs;
  const user = o.operands[0];
  let uid: number;
  let gid: number;
  let list: number[];
  if (user !== undefined) {
    const pw = userByName(fs, user);
    if (!pw) throw new Fatal(`unknown user ${user}`);
    uid = pw.uid;
    gid = pw.gid;
    list = groupList(fs, pw.name, gid);
  } else {
    const c = ctx.proc.cred;
    uid = c.uid;
    gid = c.gid;
    list = [...c.groups].sort((a, b) => a - b);
  }
  const m: Mode = { full: only.length === 0 && !groupsApplet, names: groupsApplet || o.has("n") };
  const out: string[] = [];
  const err: string[] = [];
  let status = 0;
  const user1 = (x: number, p: string) => (status |= common(out, err, x, userById(fs, x)?.name, p, m));
  const group1 = (x: number, p: string) => (status |= common(out, err, x, groupById(fs, x)?.name, p, m));
  if (groupsApplet || only[0] === "G" || m.full) {
    if (m.full) {
      user1(uid, "uid=");
      group1(gid, " gid=");
    } else group1(gid, "");
    let prefix = m.full ? " groups=" : " ";
    for (const g of list) {
      if (!m.full && g === gid) continue;
      group1(g, prefix);
      if (m.full) prefix = ",";
    }
  } else if (only[0] === "u") user1(uid, "");
  else group1(gid, "");
  for (const e of err) await ctx.stderr.write(`${nameOf(ctx)}: ${e}\n`);
  await ctx.stdout.write(out.join("") + "\n");
  return status;
}

defineSysApplet({ name: "id", run: (ctx) => id(ctx, false) });
defineSysApplet({ name: "groups", run: (ctx) => id(ctx, true) });

defineSysApplet({
  name: "whoami",
  async run(ctx) {
    if (ctx.argv.length > 1) throw new ShowUsage();
    const uid = ctx.proc.cred.uid;
    const pw = userById(ctx.fs, uid);
    if (!pw) throw new Fatal(`unknown uid ${uid}`);
    await ctx.stdout.write(pw.name + "\n");
    return 0;
  },
});
