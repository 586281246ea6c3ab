/** docker diff CONTAINER: "A /path", "C /path", "D /path" for the container's own changes. */
import { containerChanges, KIND_LETTER } from "../../../daemon/diff";
import type { Command } from "../../command";
import { registerCommand } from "../../registry";

registerCommand({
  path: "docker diff",
  use: "CONTAINER",
  short: "Inspect changes to files or directories on a container's filesystem",
  aliases: ["docker container diff"],
  args: { kind: "exact", n: 1 },
  flags: [],
  async run(env, _v, args) {
    if (args[0] === "") {
      await env.err("Container name cannot be empty\n");
      return 1;
    }
    const changes = containerChanges(env.daemon, args[0]);
    await env.out(changes.map((ch) => `${KIND_LETTER[ch.Kind]} ${ch.Path}\n`).join(""));
    return 0;
  },
} satisfies Command);
