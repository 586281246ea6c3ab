/** mount and umount: list the mount namespace as /proc/mounts does; tmpfs mounts with CAP_SYS_ADMIN. */
import { MemFs } from "../../fs/memfs";
import { split, toPath } from "../../fs/path";
import { Fatal, ShowUsage, defineSysApplet } from "./lib/sys-applet";
import { getopt } from "./lib/sys-getopt";

defineSysApplet({
  name: "mount",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "o:t:rwanfvsiO:T:");
    const table = ctx.proc.ns.mnt;
    if (o.operands.length === 0 && !o.has("a")) {
      const type = o.get("t");
      const lines = table.mounts
        .filter((m) => type === undefined || m.fstype === type)
        .map((m) => `${m.source} on ${toPath(m.at)} type ${m.fstype} (${m.options})\n`);
      await ctx.stdout.write(lines.join(""));
      return 0;
    }
    if (!ctx.proc.cred.caps.has("SYS_ADMIN")) throw new Fatal("permission denied (are you root?)");
    if (o.operands.length !== 2) throw new ShowUsage();
    const [source, target] = o.operands;
    const fail = (why: string) => new Fatal(`mounting ${source} on ${target} failed: ${why}`, 255);
    let dir: string;
    try {
      if (ctx.fs.stat(target).type !== "dir") throw fail("Not a directory");
      dir = ctx.fs.realpath(target);
    } catch (e) {
      if (e instanceof Fatal) throw e;
      throw fail("No such file or directory");
    }
    if (o.get("t") !== "tmpfs") throw fail("No such device");
    const opts = (o.get("o") ?? "").split(",").filter(Boolean);
    const ro = o.has("r") || opts.includes("ro");
    const size = opts.find((x) => x.startsWith("size="));
    let sizeText = "";
    if (size) {
      const m = /^size=(\d+)([kmg]?)$/i.exec(size);
      const kb = m ? Number(m[1]) * ({ "": 1 / 1024, k: 1, m: 1024, g: 1024 * 1024 }[m[2].toLowerCase()] ?? 1) : 0;
      sizeText = `,size=${Math.ceil(kb)}k`;
    }
    const backend = new MemFs(undefined, () => ctx.now(), false);
    backend.setattr([], { mode: 0o1777 });
    table.add({ at: split(dir), backend, readOnly: ro, source, fstype: "tmpfs", options: `${ro ? "ro" : "rw"},relatime${sizeText}` });
    return 0;
  },
});

defineSysApplet({
  name: "umount",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "rlfdat:");
    if (o.operands.length === 0) throw new ShowUsage();
    let status = 0;
    for (const t of o.operands) {
      const table = ctx.proc.ns.mnt;
      let path: string[];
      try {
        path = split(ctx.fs.realpath(t));
      } catch {
        path = split(t);
      }
      const i = table.mounts.findLastIndex((m) => m.at.length === path.length && m.at.every((c, k) => c === path[k]));
      if (!ctx.proc.cred.caps.has("SYS_ADMIN")) {
        await ctx.stderr.write(`umount: can't unmount ${t}: Operation not permitted\n`);
        status = 1;
      } else if (i <= 0) {
        await ctx.stderr.write(`umount: can't unmount ${t}: Invalid argument\n`);
        status = 1;
      } else table.mounts.splice(i, 1);
    }
    return status;
  },
});
