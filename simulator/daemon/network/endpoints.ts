/**
 * Endpoints: a container's attachment to one network. Joining allocates the next free address of
 * the network's subnet (Docker's MAC is derived from it) and plugs an interface into the
 * container's sandbox; leaving gives both back.
 */
import type { Container } from "../container/container";
import { macFor } from "../container/netns";
import type { Daemon } from "../daemon";
import { DaemonError, notFound } from "../errdefs";
import { Sandbox } from "./sandbox";
import type { Network } from "./store";

export type Endpoint = Container["networks"][string];

export function emptyEndpoint(networkId = "", aliases: string[] | null = null): Endpoint {
  return { IPAddress: "", Gateway: "", MacAddress: "", Aliases: aliases, NetworkID: networkId, EndpointID: "", IPPrefixLen: 0 };
}

/** "default" is the daemon's default network, the bridge. */
export function modeOf(c: Container): string {
  const m = c.hostConfig.NetworkMode;
  return m === "default" || m === "" ? "bridge" : m;
}

/** The network an endpoint belongs to (by its recorded ID first: a removed network stays removed). */
export function networkOf(d: Daemon, name: string, ep: Endpoint): Network {
  const n = ep.NetworkID ? d.networks.networks.get(ep.NetworkID) : d.networks.find(name);
  if (!n) throw notFound(`network ${ep.NetworkID || name} not found`);
  return n;
}

/** Allocate an address on `n` for the endpoint and plug it into the sandbox. */
export function joinEndpoint(d: Daemon, c: Container, n: Network, ep: Endpoint, sb: Sandbox): void {
  ep.NetworkID = n.Id;
  if (!n.subnet) return;
  // an address still recorded (a host restored from saved state) is given back first
  if (ep.IPAddress) n.subnet.release(ep.IPAddress);
  const ip = n.subnet.allocate();
  if (!ip) throw new DaemonError("Unavailable", `no available IPv4 addresses on this network's address pools: ${n.Name} (${n.Id})`);
  ep.IPAddress = ip;
  ep.Gateway = n.subnet.gateway;
  ep.IPPrefixLen = n.subnet.prefix;
  ep.MacAddress = macFor(ip);
  ep.EndpointID = d.newId("endpoint");
  sb.plug(n.Name);
}

/** Give the endpoint's address back and unplug its interface (the endpoint record stays). */
export function leaveEndpoint(d: Daemon, name: string, ep: Endpoint, sb: Sandbox | null): void {
  const n = ep.NetworkID ? d.networks.networks.get(ep.NetworkID) : d.networks.find(name);
  if (n?.subnet && ep.IPAddress) n.subnet.release(ep.IPAddress);
  sb?.unplug(name);
  Object.assign(ep, { IPAddress: "", Gateway: "", MacAddress: "", EndpointID: "", IPPrefixLen: 0 });
}

/** Whether a network is one the user made (the default bridge, host and none are not). */
export function isUserNetwork(name: string): boolean {
  return !["bridge", "host", "none", "default"].includes(name);
}
