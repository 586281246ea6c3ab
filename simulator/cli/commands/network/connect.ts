/** docker network connect / disconnect. */
import { networkConnect, networkDisconnect } from "../../../daemon/network/connect";
import { list, type Command } from "../../command";
import { registerCommand } from "../../registry";

registerCommand({
  path: "docker network connect",
  use: "[OPTIONS] NETWORK CONTAINER",
  short: "Connect a container to a network",
  args: { kind: "exact", n: 2 },
  flags: [
    { long: "alias", type: "stringSlice", usage: "Add network-scoped alias for the container" },
    { long: "driver-opt", type: "stringSlice", usage: "driver options for the network" },
    { long: "gw-priority", type: "int", usage: "Highest gw-priority provides the default gateway. Accepts positive and negative values." },
    { long: "ip", type: "string", usage: 'IPv4 address (e.g., "172.30.100.104")' },
    { long: "ip6", type: "string", usage: 'IPv6 address (e.g., "2001:db8::33")' },
    { long: "link", type: "list", usage: "Add link to another container" },
    { long: "link-local-ip", type: "stringSlice", usage: "Add a link-local address for the container" },
  ],
  async run(env, v, args) {
    networkConnect(env.daemon, args[0], args[1], list(v, "alias"));
    return 0;
  },
} satisfies Command);

registerCommand({
  path: "docker network disconnect",
  use: "[OPTIONS] NETWORK CONTAINER",
  short: "Disconnect a container from a network",
  args: { kind: "exact", n: 2 },
  flags: [{ long: "force", short: "f", type: "bool", usage: "Force the container to disconnect from a network" }],
  async run(env, _v, args) {
    networkDisconnect(env.daemon, args[0], args[1]);
    return 0;
  },
} satisfies Command);
