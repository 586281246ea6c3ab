/** docker network rm and docker network prune. */
import { networkPrune, networkRemove } from "../../../daemon/network/manage";
import { isDaemonError } from "../../../daemon/errdefs";
import { bool, list, type Command } from "../../command";
import { errorMessage } from "../../errors";
import { registerCommand } from "../../registry";
import { confirm } from "../image/io";

registerCommand({
  path: "docker network rm",
  use: "NETWORK [NETWORK...]",
  short: "Remove one or more networks",
  aliases: ["docker network remove"],
  args: { kind: "min", n: 1 },
  flags: [{ long: "force", short: "f", type: "bool", usage: "Do not error if the network does not exist" }],
  async run(env, v, args) {
    let failed = false;
    for (const ref of args) {
      try {
        networkRemove(env.daemon, ref);
        await env.out(ref + "\n");
      } catch (e) {
        if (bool(v, "force") && isDaemonError(e) && e.kind === "NotFound") continue;
        await env.err(errorMessage(e) + "\n");
        failed = true;
      }
    }
    // the CLI returns a bare status error, which it prints as such
    if (failed) await env.err("exit status 1\n");
    return failed ? 1 : 0;
  },
} satisfies Command);

registerCommand({
  path: "docker network prune",
  use: "[OPTIONS]",
  short: "Remove all unused networks",
  args: { kind: "none" },
  flags: [
    { long: "filter", type: "filter", usage: 'Provide filter values (e.g. "until=<timestamp>")' },
    { long: "force", short: "f", type: "bool", usage: "Do not prompt for confirmation" },
  ],
  async run(env, v) {
    if (!bool(v, "force") && !(await confirm(env, "WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue?"))) return 0;
    const filters = list(v, "filter").map((f) => ({ key: f.includes("=") ? f.slice(0, f.indexOf("=")) : f, value: f.includes("=") ? f.slice(f.indexOf("=") + 1) : "" }));
    const gone = networkPrune(env.daemon, filters);
    if (gone.length) await env.out("Deleted Networks:\n" + gone.map((n) => n + "\n").join("") + "\n");
    return 0;
  },
} satisfies Command);
