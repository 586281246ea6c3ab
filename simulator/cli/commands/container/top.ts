/** docker top CONTAINER [ps OPTIONS]: the container's processes as the host's ps shows them. */
import { containerTop } from "../../../daemon/top";
import { checkRef } from "./ref";
import type { Command } from "../../command";
import { registerCommand } from "../../registry";
import { TabWriter } from "../../template/tabwriter";

registerCommand({
  path: "docker top",
  use: "CONTAINER [ps OPTIONS]",
  short: "Display the running processes of a container",
  aliases: ["docker container top"],
  interspersed: false,
  args: { kind: "min", n: 1 },
  flags: [],
  async run(env, _v, args) {
    checkRef(args[0]);
    const r = containerTop(env.daemon, args[0], args.slice(1).join(" "));
    const w = new TabWriter(20, 1, 3, " ");
    w.write(r.Titles.join("\t") + "\n");
    for (const p of r.Processes) w.write(p.join("\t") + "\n");
    await env.out(w.flush());
    return 0;
  },
} satisfies Command);
