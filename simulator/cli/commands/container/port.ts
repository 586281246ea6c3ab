/** docker port: a container's published ports, or where one private port is published. */
import { containerPorts, joinHostPort, naturalCompare } from "../../../daemon/port";
import { checkRef } from "./ref";
import type { Command } from "../../command";
import { registerCommand } from "../../registry";

registerCommand({
  path: "docker port",
  use: "CONTAINER [PRIVATE_PORT[/PROTO]]",
  short: "List port mappings or a specific mapping for the container",
  aliases: ["docker container port"],
  args: { kind: "range", min: 1, max: 2 },
  flags: [],
  async run(env, _v, args) {
    checkRef(args[0]);
    const c = env.daemon.mustContainer(args[0]);
    const ports = containerPorts(c);
    const out: string[] = [];
    if (args.length === 2 && args[1] !== "") {
      const [port, proto = "tcp"] = args[1].split("/", 2);
      if (!/^\d+$/.test(port) || Number(port) > 65535) {
        const why = /^\d+$/.test(port) ? "value out of range" : "invalid syntax";
        await env.err(`Error: invalid port (${port}): strconv.ParseUint: parsing ${JSON.stringify(port)}: ${why}\n`);
        return 1;
      }
      const frontends = ports[`${port}/${proto || "tcp"}`];
      if (!frontends || frontends.length === 0) {
        await env.err(`Error: No public port '${args[1]}' published for ${args[0]}\n`);
        return 1;
      }
      for (const f of frontends) out.push(joinHostPort(f.HostIp, f.HostPort));
    } else {
      for (const [from, frontends] of Object.entries(ports)) for (const f of frontends ?? []) out.push(`${from} -> ${joinHostPort(f.HostIp, f.HostPort)}`);
    }
    if (out.length) await env.out(out.sort(naturalCompare).join("\n") + "\n");
    return 0;
  },
} satisfies Command);
