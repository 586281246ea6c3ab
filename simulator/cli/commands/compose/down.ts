/** docker compose down: stop and remove the project's containers and networks (-v: its volumes too). */
import { bool, num, str } from "../../command";
import { down } from "../../../compose/engine";
import { ComposeError } from "../../../compose/types";
import { composeFailure, registerVerb } from "./shared";

registerVerb({
  name: "down",
  use: "[OPTIONS] [SERVICES]",
  short: "Stop and remove containers, networks",
  args: { kind: "min", n: 0 },
  flags: [
    { long: "remove-orphans", type: "bool", usage: "Remove containers for services not defined in the Compose file" },
    { long: "rmi", type: "string", usage: 'Remove images used by services. "local" remove only images that don\'t have a custom tag ("local"|"all")' },
    { long: "timeout", short: "t", type: "int", usage: "Specify a shutdown timeout in seconds" },
    { long: "volumes", short: "v", type: "bool", usage: "Remove named volumes declared in the \"volumes\" section of the Compose file and anonymous volumes attached to containers" },
  ],
  async run(cx, v) {
    try {
      const rmi = str(v, "rmi");
      if (rmi && rmi !== "all" && rmi !== "local") throw new ComposeError(`invalid value for --rmi: "${rmi}"`, 16);
      const { project } = await cx.load();
      await down(cx.io(), project, { volumes: bool(v, "volumes"), removeOrphans: bool(v, "remove-orphans"), rmi: rmi as "" | "all" | "local", timeout: v.timeout === undefined || num(v, "timeout") === 0 ? undefined : num(v, "timeout") });
      return 0;
    } catch (e) {
      return composeFailure(cx.env, e);
    }
  },
});
