/** chown and chgrp: change owner and group (user[:group], numeric ids, -R -h -H -L -P -v -c -f). */
import { defineApplet, Die, UsageError } from "./lib/applet";
import { fsOnly, perror } from "./lib/errors";
import { getopt } from "./lib/getopt";
import { recursiveAction, type Action, type RecurseFlags } from "./lib/recurse";
import { Accounts } from "./lib/users";

const num = (s: string) => (/^\d+$/.test(s) && +s <= 0xffffffff ? +s : null);

/** parse_chown_usergroup_or_die: [user][:group] with "." accepted for ":"; -1 keeps a value. */
function parseOwner(acc: Accounts, spec: string): { uid: number; gid: number } {
  let uid = -1;
  let gid = -1;
  let sep = spec.indexOf(".");
  if (sep < 0) sep = spec.indexOf(":");
  if (sep < 0) {
    uid = num(spec) ?? acc.byUserName(spec)?.uid ?? -2;
    if (uid === -2) throw new Die(`unknown user ${spec}`);
    return { uid, gid };
  }
  const user = spec.slice(0, sep);
  const group = spec.slice(sep + 1);
  if (sep === 0) {
    gid = num(group) ?? acc.gidByName(group) ?? -2;
    if (gid === -2) throw new Die(`unknown group ${group}`);
    return { uid, gid };
  }
  const shown = group === "" ? user : `${user}:${group}`;
  const n = num(user);
  if (n !== null) {
    uid = n;
    gid = acc.passwd().find((p) => p.uid === n)?.gid ?? n;
  } else {
    const pw = acc.byUserName(user);
    if (!pw) throw new Die(`unknown user/group ${shown}`);
    uid = pw.uid;
    gid = pw.gid;
  }
  if (group !== "") {
    const g = num(group) ?? acc.gidByName(group);
    if (g === null) throw new Die(`unknown user/group ${shown}`);
    gid = g;
  }
  return { uid, gid };
}

defineApplet({
  name: "chown",
  aliases: ["chgrp"],
  async run(ctx) {
    const isChgrp = ctx.argv[0].endsWith("chgrp");
    const o = getopt(ctx.argv.slice(1), "RhvcfLHP", [
      { name: "recursive", key: "R" },
      { name: "dereference", key: "deref" },
      { name: "no-dereference", key: "h" },
      { name: "changes", key: "c" },
      { name: "silent", key: "f" },
      { name: "quiet", key: "f" },
      { name: "verbose", key: "v" },
    ]);
    if (o.operands.length < 2) throw new UsageError(null);
    const acc = new Accounts(ctx.fs);
    let [spec, ...files] = o.operands;
    if (isChgrp) spec = ":" + spec;
    const traverseTop = o.has("H") || o.has("L");
    const noDeref = o.has("h") || (o.has("R") && !traverseTop);
    const { uid, gid } = parseOwner(acc, spec);
    const flags: RecurseFlags = { recurse: o.has("R"), depthFirst: true, followTop: traverseTop, followLinks: o.has("L") };
    const action: Action = async (path, st) => {
      const u = uid === -1 ? st.uid : uid;
      const g = gid === -1 ? st.gid : gid;
      try {
        ctx.fs.chown(path, u, g, !noDeref);
        if (o.has("v") || (o.has("c") && (st.uid !== u || st.gid !== g))) await ctx.stdout.write(`changed ownership of '${path}' to ${u}:${g}\n`);
        return true;
      } catch (e) {
        flags.lastError = fsOnly(e);
        if (!o.has("f")) await perror(ctx, path, e);
        return false;
      }
    };
    let status = 0;
    for (const f of files) if (!(await recursiveAction(ctx, f, flags, action, action))) status = 1;
    return status;
  },
});
