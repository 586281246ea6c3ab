/** docker volume create: a named volume (or one with a generated name) of the local driver. */
import { list, str, type Command } from "../../command";
import { registerCommand } from "../../registry";
import { keyValues } from "../network/create";

registerCommand({
  path: "docker volume create",
  use: "[OPTIONS] [VOLUME]",
  short: "Create a volume",
  args: { kind: "max", n: 1 },
  flags: [
    { long: "driver", short: "d", type: "string", default: "local", usage: "Specify volume driver name" },
    { long: "label", type: "list", usage: "Set metadata for a volume" },
    { long: "name", type: "string", usage: "Specify volume name", hidden: true },
    { long: "opt", short: "o", type: "map", usage: "Set driver specific options" },
  ],
  async run(env, v, args) {
    const d = env.daemon;
    const name = args[0] ?? (str(v, "name") || d.newId("volume"));
    const vol = d.volumes.create(name, { driver: str(v, "driver"), labels: keyValues(list(v, "label")), options: (v.opt ?? {}) as Record<string, string> });
    d.events.emit({ Type: "volume", Action: "create", Actor: { ID: vol.Name, Attributes: { driver: vol.Driver } }, time: d.now() });
    await env.out(vol.Name + "\n");
    return 0;
  },
} satisfies Command);
