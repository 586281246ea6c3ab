/** docker compose version: the Compose version the simulator's behaviour follows. */
import { bool } from "../../command";
import { COMPOSE_VERSION } from "../../../compose/types";
import { registerVerb } from "./shared";

registerVerb({
  name: "version",
  use: "[OPTIONS]",
  short: "Show the Docker Compose version information",
  args: { kind: "none" },
  flags: [
    { long: "format", short: "f", type: "string", usage: "Format the output. Values: [pretty | json]. (Default: pretty)" },
    { long: "short", type: "bool", usage: "Shows only Compose's version number" },
  ],
  async run(cx, v) {
    await cx.env.out(bool(v, "short") ? `${COMPOSE_VERSION}\n` : `Docker Compose version v${COMPOSE_VERSION}\n`);
    return 0;
  },
});
