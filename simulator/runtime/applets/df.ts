/** df: filesystem usage from the mount table (-k -m -h -P -T -t TYPE -a -i -B SIZE). */
import type { Mount } from "../mounts";
import { defineApplet, Die } from "./lib/applet";
import { warn } from "./lib/errors";
import { statfs } from "./lib/fsstat";
import { getopt } from "./lib/getopt";
import { humanSize } from "./lib/human";

const SUFFIX: Record<string, number> = { k: 1024, K: 1024, m: 1048576, M: 1048576, g: 1073741824, G: 1073741824, KiB: 1024, MiB: 1048576, GiB: 1073741824, kB: 1000, MB: 1000000, GB: 1000000000 };

defineApplet({
  name: "df",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "kPTt:aiB:hHm");
    let unit = ctx.env.POSIXLY_CORRECT !== undefined ? 512 : 1024;
    const sizeOpt = o.lastOf("k", "m", "B");
    if (sizeOpt === "m") unit = 1048576;
    else if (sizeOpt === "k") unit = 1024;
    else if (sizeOpt === "B") {
      const b = o.last("B")!;
      const m = /^(\d*)([a-zA-Z]*)$/.exec(b);
      const mult = m ? (m[2] === "" ? 1 : SUFFIX[m[2]]) : undefined;
      const n = m && m[1] !== "" ? +m[1] : 1;
      if (!m || mult === undefined || n * mult < 1) throw new Die(`invalid number '${b}'`);
      unit = n * mult;
    }
    let hdr: string;
    if (o.has("h") || o.has("H")) {
      unit = 0;
      hdr = "     Size";
    } else hdr = "";
    if (o.has("i")) hdr = "   Inodes";
    if (!hdr) hdr = `${humanSize(unit, 0, o.has("P") ? 1 : 0)}-blocks`;
    const out: string[] = [];
    out.push(`Filesystem           ${o.has("T") ? "Type       " : ""}${hdr.padEnd(15)}Used Available ${o.has("P") ? "Capacity" : "Use%"} Mounted on\n`);
    const table = ctx.fs.mounts.mounts;
    let entries: Array<Mount | string>;
    if (o.operands.length === 0) entries = table;
    else entries = o.operands;
    let status = 0;
    for (const e of entries) {
      let m: Mount;
      if (typeof e === "string") {
        try {
          ctx.fs.stat(e);
          m = ctx.fs.mountOf(e);
        } catch {
          await ctx.stdout.write(out.splice(0).join(""));
          await warn(ctx, `${e}: can't find mount point`);
          status = 1;
          continue;
        }
      } else m = e;
      const fstype = m.fstype;
      if (o.has("t") && fstype !== o.last("t")) continue;
      const s = { ...statfs(m) };
      if (!(s.blocks > 0 || typeof e === "string" || o.has("a"))) continue;
      let frsize = s.bsize;
      let u = unit;
      if (o.has("i")) {
        s.blocks = s.files;
        s.bavail = s.bfree = s.ffree;
        frsize = 1;
        if (u) u = 1;
      }
      let used = s.blocks - s.bfree;
      let total = used + s.bavail;
      let pct = 0;
      if (total !== 0) {
        while (total >= Math.floor(2147483647 / 101)) {
          total = Math.floor(total / 2);
          used = Math.floor(used / 2);
        }
        pct = Math.floor((used * 100 + Math.floor(total / 2)) / total);
      }
      const dir = "/" + m.at.join("/");
      let line = m.source.padEnd(20);
      if (m.source.length > 20 && !o.has("P")) line += "\n" + " ".repeat(20);
      if (o.has("T")) {
        line += " " + fstype.padEnd(10);
        if (fstype.length > 10 && !o.has("P")) line += "\n" + " ".repeat(31);
      }
      line += " " + humanSize(s.blocks, frsize, u).padStart(9) + " ";
      line += humanSize(s.blocks - s.bfree, frsize, u).padStart(9) + " ";
      line += `${humanSize(s.bavail, frsize, u).padStart(9)} ${String(pct).padStart(3)}% ${dir}\n`;
      out.push(line);
    }
    await ctx.stdout.write(out.join(""));
    return status;
  },
});
