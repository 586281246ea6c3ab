/** docker rename CONTAINER NEW_NAME */
import { containerRename } from "../../../daemon/rename";
import type { Command } from "../../command";
import { errorMessage } from "../../errors";
import { registerCommand } from "../../registry";

registerCommand({
  path: "docker rename",
  use: "CONTAINER NEW_NAME",
  short: "Rename a container",
  aliases: ["docker container rename"],
  args: { kind: "exact", n: 2 },
  flags: [],
  async run(env, _v, args) {
    const oldName = args[0].trim();
    const newName = args[1].trim();
    if (oldName === "" || newName === "") {
      await env.err("Error: Neither old nor new names may be empty\n");
      return 1;
    }
    try {
      containerRename(env.daemon, oldName, newName);
      return 0;
    } catch (e) {
      await env.err(`${errorMessage(e)}\nError: failed to rename container named ${oldName}\n`);
      return 1;
    }
  },
} satisfies Command);
