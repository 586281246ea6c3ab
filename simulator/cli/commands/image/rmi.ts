/** docker rmi / image rm: Untagged:/Deleted: lines per image, errors gathered and printed at the end. */
import { imageDelete } from "../../../daemon/images/delete";
import { bool, type Command } from "../../command";
import { errorMessage, isDaemonError } from "../../errors";
import { registerCommand } from "../../registry";

registerCommand({
  path: "docker rmi",
  use: "[OPTIONS] IMAGE [IMAGE...]",
  short: "Remove one or more images",
  aliases: ["docker image rm", "docker image remove"],
  args: { kind: "min", n: 1 },
  flags: [
    { long: "force", short: "f", type: "bool", usage: "Force removal of the image" },
    { long: "no-prune", type: "bool", usage: "Do not delete untagged parents" },
    { long: "platform", type: "stringSlice", usage: 'Remove only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")', hidden: true },
  ],
  async run(env, v, args) {
    const force = bool(v, "force");
    const errors: string[] = [];
    let fatal = false;
    for (const ref of args) {
      let records;
      try {
        records = imageDelete(env.daemon, ref, { force, prune: !bool(v, "no-prune") });
      } catch (e) {
        if (!isDaemonError(e)) throw e;
        if (e.kind !== "NotFound") fatal = true;
        errors.push(errorMessage(e));
        continue;
      }
      await env.out(records.map((r) => ("Deleted" in r ? `Deleted: ${r.Deleted}\n` : `Untagged: ${r.Untagged}\n`)).join(""));
    }
    if (errors.length === 0) return 0;
    await env.err(errors.join("\n") + "\n");
    return !force || fatal ? 1 : 0;
  },
} satisfies Command);
