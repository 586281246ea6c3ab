/** docker compose start: start the project's existing containers, dependencies first. */
import { projectContainers, startServiceContainers } from "../../../compose/engine";
import { dependencyOrder } from "../../../compose/load";
import { ComposeError } from "../../../compose/types";
import { composeFailure, registerVerb } from "./shared";

registerVerb({
  name: "start",
  use: "[SERVICE...]",
  short: "Start services",
  args: { kind: "min", n: 0 },
  flags: [],
  async run(cx, _v, args) {
    try {
      const { project: p } = await cx.load();
      const io = cx.io();
      for (const s of dependencyOrder(p, args)) {
        const cs = projectContainers(cx.env.daemon, p.name, { services: [s.name] });
        if (!cs.length) throw new ComposeError(`service "${s.name}" has no container to start`);
        await startServiceContainers(io, p, s, cs);
      }
      return 0;
    } catch (e) {
      return composeFailure(cx.env, e);
    }
  },
});
