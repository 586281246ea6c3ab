/** du: disk usage in 4 KiB filesystem blocks (-a -s -h -k -m -b -c -d N -H -L -l -x). */
import type { Stat } from "../../fs/types";
import { defineApplet, Die } from "./lib/applet";
import { perror, strerror, warn } from "./lib/errors";
import { blocks512, joinPath } from "./lib/fileinfo";
import { getopt } from "./lib/getopt";
import { humanSize } from "./lib/human";

defineApplet({
  name: "du",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "aHkLsxd:lcbhm");
    let unit = ctx.env.POSIXLY_CORRECT !== undefined ? 512 : 1024;
    if (o.has("b")) unit = 1;
    const scale = o.lastOf("h", "k", "m");
    if (scale === "h") unit = 0;
    else if (scale === "m") unit = 1048576;
    else if (scale === "k") unit = 1024;
    let maxDepth = Infinity;
    const depthOpt = o.lastOf("s", "d");
    if (depthOpt === "d") {
      const d = o.last("d")!;
      if (!/^\d+$/.test(d)) throw new Die(`invalid number '${d}'`);
      maxDepth = +d;
    } else if (depthOpt === "s") maxDepth = 0;
    const follow = o.lastOf("H", "L");
    let slinkDepth = follow === "L" ? Infinity : follow === "H" ? 1 : 0;
    const seen = new Set<number>();
    let status = 0;
    const out: string[] = [];
    const print = async (size: number, name: string) => {
      if (unit) size += Math.floor((unit - 1) / 1024);
      out.push(`${humanSize(size, o.has("b") ? 1 : 512, unit)}\t${name}\n`);
      if (out.length > 256) await ctx.stdout.write(out.splice(0).join(""));
    };
    const flush = async () => {
      if (out.length) await ctx.stdout.write(out.splice(0).join(""));
    };
    let rootDev: unknown = null;
    const du = async (name: string, depth: number): Promise<number> => {
      await ctx.tick();
      let st: Stat;
      try {
        st = ctx.fs.lstat(name);
      } catch (e) {
        await flush();
        await perror(ctx, name, e);
        status = 1;
        return 0;
      }
      if (o.has("x")) {
        const dev = ctx.fs.resolve(name, false).mount;
        if (depth === 0) rootDev = dev;
        else if (dev !== rootDev) return 0;
      }
      const size = (s: Stat) => (o.has("b") ? s.size : blocks512(s));
      let sum = size(st);
      if (st.type === "symlink" && slinkDepth > depth) {
        try {
          st = ctx.fs.stat(name);
        } catch (e) {
          await flush();
          await perror(ctx, name, e);
          status = 1;
          return 0;
        }
        sum = size(st);
        if (slinkDepth === 1) slinkDepth = Infinity;
      }
      if (!o.has("l") && st.nlink > 1) {
        if (seen.has(st.ino)) return 0;
        seen.add(st.ino);
      }
      if (st.type === "dir") {
        let names: string[] = [];
        try {
          names = ctx.fs.readdir(name);
        } catch (e) {
          await flush();
          await warn(ctx, `can't open '${name}': ${strerror(e)}`);
          status = 1;
          return sum;
        }
        for (const n of names) sum += await du(joinPath(name, n), depth + 1);
      } else if (!o.has("a") && depth !== 0) return sum;
      if (depth <= maxDepth) await print(sum, name);
      return sum;
    };
    const args = o.operands.length ? o.operands : ["."];
    if (!o.operands.length && slinkDepth === 1) slinkDepth = 0;
    const save = slinkDepth;
    let total = 0;
    for (const a of args) {
      total += await du(a, 0);
      slinkDepth = save;
    }
    if (o.has("c")) await print(total, "total");
    await flush();
    return status;
  },
});
