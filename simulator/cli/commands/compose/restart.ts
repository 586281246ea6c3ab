/** docker compose restart: restart the project's containers, in dependency order. */
import { num } from "../../command";
import { projectContainers } from "../../../compose/engine";
import { dependencyOrder } from "../../../compose/load";
import { containerRestart } from "../../../daemon/stop";
import { composeFailure, registerVerb } from "./shared";

registerVerb({
  name: "restart",
  use: "[OPTIONS] [SERVICE...]",
  short: "Restart service containers",
  args: { kind: "min", n: 0 },
  flags: [
    { long: "no-deps", type: "bool", usage: "Don't restart dependent services" },
    { long: "timeout", short: "t", type: "int", usage: "Specify a shutdown timeout in seconds" },
  ],
  async run(cx, v, args) {
    try {
      const { project: p } = await cx.load();
      const io = cx.io();
      for (const s of dependencyOrder(p, args)) {
        if (args.length && !args.includes(s.name)) continue;
        for (const c of projectContainers(cx.env.daemon, p.name, { services: [s.name] })) {
          const ev = `Container ${c.name}`;
          await io.progress.event(ev, "Restarting");
          await containerRestart(cx.env.daemon, c, v.timeout === undefined ? undefined : num(v, "timeout"));
          await io.progress.event(ev, "Started");
        }
      }
      return 0;
    } catch (e) {
      return composeFailure(cx.env, e);
    }
  },
});
