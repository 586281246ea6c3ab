/** docker compose logs: the project's container logs, prefixed by container; -f follows them. */
import { bool, str } from "../../command";
import { projectContainers } from "../../../compose/engine";
import { ComposeError } from "../../../compose/types";
import { composeFailure, registerVerb } from "./shared";
import { interrupted, printLogs } from "./attach";

registerVerb({
  name: "logs",
  use: "[OPTIONS] [SERVICE...]",
  short: "View output from containers",
  args: { kind: "min", n: 0 },
  flags: [
    { long: "follow", short: "f", type: "bool", usage: "Follow log output" },
    { long: "no-color", type: "bool", usage: "Produce monochrome output" },
    { long: "no-log-prefix", type: "bool", usage: "Don't print prefix in logs" },
    { long: "tail", short: "n", type: "string", default: "all", usage: "Number of lines to show from the end of the logs for each container" },
    { long: "timestamps", short: "t", type: "bool", usage: "Show timestamps" },
  ],
  async run(cx, v, args) {
    const env = cx.env;
    try {
      const name = await cx.projectName();
      const tail = str(v, "tail");
      if (tail !== "all" && !/^\d+$/.test(tail)) throw new ComposeError(`invalid value for --tail: ${tail}`, 16);
      const cs = projectContainers(env.daemon, name, { services: args });
      await printLogs(env, cs, { prefix: !bool(v, "no-log-prefix"), timestamps: bool(v, "timestamps"), tail: tail === "all" ? null : Number(tail), follow: bool(v, "follow"), exitStatus: false }, bool(v, "follow") ? interrupted(env) : undefined);
      return 0;
    } catch (e) {
      return composeFailure(env, e);
    }
  },
});
