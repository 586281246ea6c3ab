/** docker compose stop: stop the project's running containers, dependents first. */
import { num } from "../../command";
import { projectContainers, serviceOf, stopContainers } from "../../../compose/engine";
import { dependencyOrder } from "../../../compose/load";
import { composeFailure, registerVerb } from "./shared";

registerVerb({
  name: "stop",
  use: "[OPTIONS] [SERVICE...]",
  short: "Stop services",
  args: { kind: "min", n: 0 },
  flags: [{ long: "timeout", short: "t", type: "int", usage: "Specify a shutdown timeout in seconds" }],
  async run(cx, v, args) {
    try {
      const { project: p } = await cx.load();
      const order = dependencyOrder(p).reverse().map((s) => s.name);
      const cs = projectContainers(cx.env.daemon, p.name, { services: args }).filter((c) => c.state.Running);
      cs.sort((a, b) => order.indexOf(serviceOf(a)) - order.indexOf(serviceOf(b)));
      await stopContainers(cx.io(), cs, v.timeout === undefined ? undefined : num(v, "timeout"));
      return 0;
    } catch (e) {
      return composeFailure(cx.env, e);
    }
  },
});
