/** docker image prune and docker container prune: confirm unless -f, then list what went and the space reclaimed. */
import { containersPrune, imagesPrune } from "../../../daemon/images/prune";
import { bool, list, type CliEnv, type Command } from "../../command";
import { humanSize } from "../../formatter/units";
import { registerCommand } from "../../registry";
import { confirm } from "./io";

const FILTER_FLAG = { long: "filter", type: "filter" as const, usage: 'Provide filter values (e.g. "until=<timestamp>")' };
const FORCE_FLAG = { long: "force", short: "f", type: "bool" as const, usage: "Do not prompt for confirmation" };

async function report(env: CliEnv, output: string, reclaimed: number): Promise<number> {
  if (output !== "") await env.out(output + "\n");
  await env.out(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
  return 0;
}

registerCommand({
  path: "docker image prune",
  use: "[OPTIONS]",
  short: "Remove unused images",
  args: { kind: "none" },
  flags: [{ long: "all", short: "a", type: "bool", usage: "Remove all unused images, not just dangling ones" }, FILTER_FLAG, FORCE_FLAG],
  async run(env, v) {
    const all = bool(v, "all");
    const warning = all
      ? "WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue?"
      : "WARNING! This will remove all dangling images.\nAre you sure you want to continue?";
    if (!bool(v, "force") && !(await confirm(env, warning))) return 0;
    const r = imagesPrune(env.daemon, [...list(v, "filter"), `dangling=${!all}`]);
    const lines = r.deleted.map((d) => ("Untagged" in d ? `untagged: ${d.Untagged}\n` : `deleted: ${d.Deleted}\n`)).join("");
    return report(env, lines ? "Deleted Images:\n" + lines : "", r.reclaimed);
  },
} satisfies Command);

registerCommand({
  path: "docker container prune",
  use: "[OPTIONS]",
  short: "Remove all stopped containers",
  args: { kind: "none" },
  flags: [FILTER_FLAG, FORCE_FLAG],
  async run(env, v) {
    if (!bool(v, "force") && !(await confirm(env, "WARNING! This will remove all stopped containers.\nAre you sure you want to continue?"))) return 0;
    const r = containersPrune(env.daemon, list(v, "filter"));
    const output = r.deleted.length ? "Deleted Containers:\n" + r.deleted.map((id) => id + "\n").join("") : "";
    return report(env, output, r.deleted.length ? r.reclaimed : 0);
  },
} satisfies Command);
