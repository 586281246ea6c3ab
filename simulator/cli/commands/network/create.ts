/** docker network create: a bridge network with an optional subnet, gateway, labels and options. */
import { bool, list, str, type Command } from "../../command";
import { registerCommand } from "../../registry";
import { parseCidr } from "../../../daemon/network/ipam";

/** "k=v" items into a map ("k" alone maps to ""). */
export function keyValues(items: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of items) {
    const i = l.indexOf("=");
    out[i < 0 ? l : l.slice(0, i)] = i < 0 ? "" : l.slice(i + 1);
  }
  return out;
}

const ipInSubnet = (ip: string, cidr: string) => {
  const p = parseCidr(cidr);
  const n = ip.split(".").reduce((a, o) => a * 256 + Number(o), 0);
  return !!p && n >= p.base && n < p.base + 2 ** (32 - p.prefix);
};

registerCommand({
  path: "docker network create",
  use: "[OPTIONS] NETWORK",
  short: "Create a network",
  args: { kind: "exact", n: 1 },
  flags: [
    { long: "attachable", type: "bool", usage: "Enable manual container attachment" },
    { long: "aux-address", type: "map", usage: "Auxiliary IPv4 or IPv6 addresses used by Network driver" },
    { long: "config-from", type: "string", usage: "The network from which to copy the configuration" },
    { long: "config-only", type: "bool", usage: "Create a configuration only network" },
    { long: "driver", short: "d", type: "string", default: "bridge", usage: "Driver to manage the Network" },
    { long: "gateway", type: "stringSlice", usage: "IPv4 or IPv6 Gateway for the master subnet" },
    { long: "ingress", type: "bool", usage: "Create swarm routing-mesh network" },
    { long: "internal", type: "bool", usage: "Restrict external access to the network" },
    { long: "ip-range", type: "stringSlice", usage: "Allocate container ip from a sub-range" },
    { long: "ipam-driver", type: "string", default: "default", usage: "IP Address Management Driver" },
    { long: "ipam-opt", type: "map", usage: "Set IPAM driver specific options" },
    { long: "ipv4", type: "bool", default: true, usage: "Enable or disable IPv4 address assignment" },
    { long: "ipv6", type: "bool", usage: "Enable or disable IPv6 address assignment" },
    { long: "label", type: "list", usage: "Set metadata on a network" },
    { long: "opt", short: "o", type: "map", usage: "Set driver specific options" },
    { long: "scope", type: "string", usage: "Control the network's scope" },
    { long: "subnet", type: "stringSlice", usage: "Subnet in CIDR format that represents a network segment" },
  ],
  async run(env, v, args) {
    const subnets = list(v, "subnet");
    const gateways = list(v, "gateway");
    // the CLI pairs each gateway with the subnet that holds it (consolidateIpam)
    if (gateways.length > subnets.length) {
      await env.err("every ip-range or gateway must have a corresponding subnet\n");
      return 1;
    }
    for (const g of gateways) {
      if (!subnets.some((s) => ipInSubnet(g, s))) {
        await env.err(`no matching subnet for gateway ${g}\n`);
        return 1;
      }
    }
    const opts = (v.opt ?? {}) as Record<string, string>;
    const n = env.daemon.networks.create(args[0], {
      subnet: subnets[0],
      gateway: gateways[0],
      driver: str(v, "driver"),
      labels: keyValues(list(v, "label")),
      internal: bool(v, "internal"),
      attachable: bool(v, "attachable"),
      options: opts,
    });
    env.daemon.events.emit({ Type: "network", Action: "create", Actor: { ID: n.Id, Attributes: { name: n.Name, type: n.Driver } }, time: env.daemon.now() });
    await env.out(n.Id + "\n");
    return 0;
  },
} satisfies Command);
