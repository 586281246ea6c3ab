/** find: search a tree and act on what matches (BusyBox's expressions, -exec ; and +, -prune, -quit). */
import type { Stat } from "../../fs/types";
import { defineApplet } from "./lib/applet";
import { perror } from "./lib/errors";
import { joinPath } from "./lib/fileinfo";
import { getopt } from "./lib/getopt";
import { type Find, FindUsage, Quit, SKIP, TRUE, evalGroups, flushExecPlus, flushOut, parse, reportUsage, type Groups } from "./find/expr";

defineApplet({
  name: "find",
  async run(ctx) {
    const argv = ctx.argv.slice(1);
    // leading -H -L -P (only those letters) are options; the rest is paths and the expression
    let k = 0;
    for (; k < argv.length; k++) {
      const a = argv[k];
      if (a[0] !== "-" || a.length === 1) break;
      if (a === "--") {
        k++;
        break;
      }
      if (!/^-[HLP]+$/.test(a)) break;
    }
    const o = getopt(argv.slice(0, k), "+HLP");
    const f: Find = {
      ctx,
      needPrint: true,
      follow: o.has("L"),
      followTop: o.has("H"),
      depthFirst: false,
      xdev: false,
      minDepth: 0,
      maxDepth: Infinity,
      status: 0,
      out: [],
      execs: [],
    };
    const rest = argv.slice(k);
    let first = 0;
    while (first < rest.length && rest[first][0] !== "-" && rest[first] !== "!" && rest[first] !== "(") first++;
    const paths = first === 0 ? ["."] : rest.slice(0, first);
    let groups: Groups;
    try {
      groups = parse(f, rest.slice(first));
    } catch (e) {
      if (e instanceof FindUsage) return reportUsage(ctx, e.arg);
      throw e;
    }
    const devs = f.xdev ? paths.map((p) => (ctx.fs.exists(p) ? ctx.fs.mountOf(p) : null)) : [];

    const visit = async (path: string, st: Stat, depth: number): Promise<number> => {
      let sameFs = true;
      if (st.type === "dir" && f.xdev) {
        const m = ctx.fs.resolve(path, f.follow).mount;
        sameFs = devs.includes(m);
      }
      if (depth < f.minDepth) return sameFs ? TRUE : SKIP;
      if (depth > f.maxDepth) return SKIP;
      const r = await evalGroups(f, groups, path, st);
      if (r & TRUE && f.needPrint) f.out.push(path + "\n");
      if (f.out.length > 200) await flushOut(f);
      if (st.type === "dir" && depth === f.maxDepth) return SKIP;
      if (!sameFs) return SKIP;
      return r & SKIP ? SKIP : TRUE;
    };

    const walk = async (path: string, depth: number): Promise<boolean> => {
      await ctx.tick();
      const follow = f.follow || (depth === 0 && (f.followTop || f.follow));
      let st: Stat;
      try {
        st = follow ? ctx.fs.stat(path) : ctx.fs.lstat(path);
      } catch (e) {
        let dangling: Stat | null = null;
        if ((f.follow || f.followTop) && (e as { code?: string }).code === "ENOENT") {
          try {
            dangling = ctx.fs.lstat(path);
          } catch {
            dangling = null;
          }
        }
        if (dangling) {
          await visit(path, dangling, depth);
          return true;
        }
        await flushOut(f);
        await perror(ctx, path, e);
        return false;
      }
      if (st.type !== "dir") {
        await visit(path, st, depth);
        return true;
      }
      if (!f.depthFirst) {
        const r = await visit(path, st, depth);
        if (r === SKIP) return true;
      }
      let names: string[];
      try {
        names = ctx.fs.readdir(path);
      } catch (e) {
        await flushOut(f);
        await perror(ctx, path, e);
        return false;
      }
      let ok = true;
      for (const n of names) if (!(await walk(joinPath(path, n), depth + 1))) ok = false;
      if (f.depthFirst) await visit(path, st, depth);
      return ok;
    };

    try {
      for (const p of paths) if (!(await walk(p, 0))) f.status |= 1;
      f.status |= await flushExecPlus(f);
    } catch (e) {
      if (!(e instanceof Quit)) throw e;
    } finally {
      await flushOut(f);
    }
    return f.status;
  },
});
