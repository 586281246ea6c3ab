/** chmod: change file modes, octal or symbolic (-R recursive, -v -c -f). */
import { defineApplet, Die, UsageError } from "./lib/applet";
import { fsOnly, perror } from "./lib/errors";
import { getopt } from "./lib/getopt";
import { modeString, parseMode, umaskOf } from "./lib/mode";
import { recursiveAction, type Action, type RecurseFlags } from "./lib/recurse";

defineApplet({
  name: "chmod",
  async run(ctx) {
    // a mode like "-w" would look like an option: the first argument that is not one of ours is the mode
    const args = ctx.argv.slice(1);
    let modeIdx = -1;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a[0] !== "-") break;
      if (a.length > 1 && !"-Rvcf".includes(a[1])) {
        modeIdx = i;
        break;
      }
    }
    const MARK = "\u0000mode";
    const parsed = args.map((a, i) => (i === modeIdx ? MARK : a));
    const o = getopt(parsed, "Rvcf");
    for (let i = 0; i < o.operands.length; i++) if (o.operands[i] === MARK) o.operands[i] = args[modeIdx];
    if (o.operands.length < 2) throw new UsageError(null);
    const [smode, ...files] = o.operands;
    const umask = umaskOf(ctx);
    const flags: RecurseFlags = { recurse: o.has("R") };
    const action: Action = async (path, st, depth) => {
      try {
        if (depth === 0) st = ctx.fs.stat(path);
        else if (st.type === "symlink") return true;
        const mode = parseMode(smode, st.mode, st.type === "dir", umask);
        if (mode === null) throw new Die(`invalid mode '${smode}'`);
        ctx.fs.chmod(path, mode);
        if (o.has("v") || (o.has("c") && (st.mode & 0o7777) !== mode)) {
          await ctx.stdout.write(`mode of '${path}' changed to ${mode.toString(8).padStart(4, "0")} (${modeString({ type: st.type, mode }).slice(1)})\n`);
        }
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
