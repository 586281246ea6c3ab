/**
 * A container's networking at start and stop: its sandbox (own namespace, the host's, another
 * container's, or a bare one for --network none), an address on each attached network, the
 * embedded DNS server on user-defined networks, and the checks on --link targets.
 */
import type { Daemon } from "../daemon";
import { conflict, invalidParameter } from "../errdefs";
import { serveEmbeddedDns } from "../network/dns";
import { emptyEndpoint, isUserNetwork, joinEndpoint, leaveEndpoint, modeOf, networkOf } from "../network/endpoints";
import { linkTargets, stashLinkHosts } from "../network/links";
import { networkModel } from "../network/model";
import { dropSandbox, Sandbox, sandboxOf, setSandbox } from "../network/sandbox";
import type { Container } from "./container";

const DNS_SERVERS = new WeakMap<Container, { close(): void }>();

/** Networks in the order their endpoints join: the container's network mode first, then by name. */
function joinOrder(c: Container): string[] {
  const mode = modeOf(c);
  return Object.keys(c.networks).sort((a, b) => (a === mode ? -1 : b === mode ? 1 : a.localeCompare(b)));
}

/** Set up the container's network namespace before its first process starts. */
export function attachNetworks(d: Daemon, c: Container): void {
  const model = networkModel(d);
  const mode = modeOf(c);
  if (mode === "host" || mode === "none") c.networks[mode] ??= emptyEndpoint(d.networks.find(mode)?.Id ?? "");
  if (mode === "host") {
    setSandbox(c, model.hostNs);
    return;
  }
  if (mode.startsWith("container:")) {
    const t = d.mustContainer(mode.slice("container:".length));
    if (!t.state.Running || !t.process) throw conflict(`cannot join network of a non running container: ${t.id}`);
    setSandbox(c, t.process.ns.net);
    return;
  }
  const sb = new Sandbox(c, mode === "none" ? "none" : "container");
  if (mode === "none") {
    setSandbox(c, sb);
    return;
  }
  if (Object.keys(c.networks).length === 0) c.networks[mode] = emptyEndpoint();
  const joined: string[] = [];
  try {
    for (const name of joinOrder(c)) {
      const ep = c.networks[name];
      joinEndpoint(d, c, networkOf(d, name, ep), ep, sb);
      joined.push(name);
    }
    linkTargets(d, c);
    stashLinkHosts(d, c);
  } catch (e) {
    for (const name of joined) leaveEndpoint(d, name, c.networks[name], sb);
    throw e;
  }
  setSandbox(c, sb);
  if (Object.keys(c.networks).some(isUserNetwork)) DNS_SERVERS.set(c, serveEmbeddedDns(d, c, sb));
}

/** Release the container's addresses when it stops (or fails to start). */
export function detachNetworks(d: Daemon, c: Container): void {
  const sb = sandboxOf(c);
  for (const [name, ep] of Object.entries(c.networks)) leaveEndpoint(d, name, ep, sb instanceof Sandbox ? sb : null);
  DNS_SERVERS.get(c)?.close();
  DNS_SERVERS.delete(c);
  dropSandbox(c);
}

/** Start serving DNS for a running container that has just joined its first user network. */
export function ensureEmbeddedDns(d: Daemon, c: Container): void {
  const sb = sandboxOf(c);
  if (!sb || DNS_SERVERS.has(c) || !Object.keys(c.networks).some(isUserNetwork)) return;
  DNS_SERVERS.set(c, serveEmbeddedDns(d, c, sb));
}

/** Whether the container's resolv.conf points at the embedded DNS server. */
export function isUserDefined(c: Container): boolean {
  return Object.keys(c.networks).some(isUserNetwork);
}

/** The daemon's checks on network options at create time (aliases need a user network). */
export function checkNetworkOptions(c: Container): void {
  const mode = modeOf(c);
  const aliases = Object.values(c.networks).some((ep) => ep.Aliases?.length);
  if (aliases && !isUserNetwork(mode)) throw invalidParameter("network-scoped aliases are only supported for user-defined networks");
}
