/** docker volume rm and docker volume prune. */
import { volumePrune, volumeRemove } from "../../../daemon/volume/manage";
import { isDaemonError } from "../../../daemon/errdefs";
import { bool, list, type Command } from "../../command";
import { errorMessage } from "../../errors";
import { humanSize } from "../../formatter/units";
import { registerCommand } from "../../registry";
import { confirm } from "../image/io";

registerCommand({
  path: "docker volume rm",
  use: "[OPTIONS] VOLUME [VOLUME...]",
  short: "Remove one or more volumes. You cannot remove a volume that is in use by a container.",
  aliases: ["docker volume remove"],
  args: { kind: "min", n: 1 },
  flags: [{ long: "force", short: "f", type: "bool", usage: "Force the removal of one or more volumes" }],
  async run(env, v, args) {
    let failed = false;
    for (const name of args) {
      try {
        volumeRemove(env.daemon, name);
      } catch (e) {
        if (!(bool(v, "force") && isDaemonError(e) && e.kind === "NotFound")) {
          await env.err(errorMessage(e) + "\n");
          failed = true;
          continue;
        }
      }
      await env.out(name + "\n");
    }
    return failed ? 1 : 0;
  },
} satisfies Command);

registerCommand({
  path: "docker volume prune",
  use: "[OPTIONS]",
  short: "Remove unused local volumes",
  args: { kind: "none" },
  flags: [
    { long: "all", short: "a", type: "bool", usage: "Remove all unused volumes, not just anonymous ones" },
    { long: "filter", type: "filter", usage: 'Provide filter values (e.g. "label=<label>")' },
    { long: "force", short: "f", type: "bool", usage: "Do not prompt for confirmation" },
  ],
  async run(env, v) {
    const all = bool(v, "all");
    if (all && list(v, "filter").some((f) => f.startsWith("all="))) {
      await env.err("conflicting options: cannot specify both --all and --filter all=1\n");
      return 1;
    }
    const warning = all
      ? "WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue?"
      : "WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue?";
    if (!bool(v, "force") && !(await confirm(env, warning))) return 0;
    const r = volumePrune(env.daemon, list(v, "filter"), all);
    if (r.deleted.length) await env.out("Deleted Volumes:\n" + r.deleted.map((n) => n + "\n").join("") + "\n");
    await env.out(`Total reclaimed space: ${humanSize(r.deleted.length ? r.reclaimed : 0)}\n`);
    return 0;
  },
} satisfies Command);
