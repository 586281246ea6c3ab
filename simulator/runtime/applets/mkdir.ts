/** mkdir: make directories (-p parents, -m mode, -v). */
import type { ProcessContext } from "../program";
import { defineApplet, Die, UsageError } from "./lib/applet";
import { fsOnly, strerror, warn } from "./lib/errors";
import { getopt } from "./lib/getopt";
import { parseMode, umaskOf } from "./lib/mode";

/** bb_make_directory: create `path` (and with `parents` its missing ancestors). 0 ok, -1 error. */
export async function makeDirectory(ctx: ProcessContext, path: string, mode: number | null, parents: boolean, verbose = false): Promise<number> {
  if (path === "/" || path === ".") return 0;
  const umask = umaskOf(ctx);
  // with -p, each prefix up to and including a run of slashes, then the whole path
  const steps: string[] = [];
  let at = 0;
  if (parents) {
    for (;;) {
      while (at < path.length && path[at] !== "/") at++;
      if (at >= path.length) break;
      while (path[at] === "/") at++;
      if (at >= path.length) break;
      steps.push(path.slice(0, at));
    }
  }
  steps.push(path);
  for (let k = 0; k < steps.length; k++) {
    const p = steps[k];
    const last = k === steps.length - 1;
    const m = last ? 0o777 & ~umask : 0o777 & ~(umask & ~0o300);
    try {
      ctx.fs.mkdir(p, m);
      if (verbose) await ctx.stdout.write(`created directory: '${p}'\n`);
    } catch (e) {
      const fe = fsOnly(e);
      let isDir = false;
      try {
        isDir = ctx.fs.stat(p).type === "dir";
      } catch {
        isDir = false;
      }
      if ((fe.code !== "EEXIST" && fe.code !== "EISDIR") || !parents || !isDir) {
        await warn(ctx, `can't create directory '${p}': ${strerror(fe)}`);
        return -1;
      }
      if (last) return 0;
      continue;
    }
    if (last && mode !== null) {
      try {
        ctx.fs.chmod(p, mode);
      } catch (e) {
        await warn(ctx, `can't set permissions of directory '${p}': ${strerror(fsOnly(e))}`);
        return -1;
      }
    }
  }
  return 0;
}

defineApplet({
  name: "mkdir",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "m:pv", [
      { name: "mode", key: "m", arg: "required" },
      { name: "parents", key: "p" },
      { name: "verbose", key: "v" },
    ]);
    let mode: number | null = null;
    const sm = o.last("m");
    if (sm !== undefined) {
      mode = parseMode(sm, 0o777, true, 0);
      if (mode === null) throw new Die(`invalid mode '${sm}'`);
    }
    if (o.operands.length === 0) throw new UsageError(null);
    let status = 0;
    for (const p of o.operands) if ((await makeDirectory(ctx, p, mode, o.has("p"), o.has("v"))) < 0) status = 1;
    return status;
  },
});
