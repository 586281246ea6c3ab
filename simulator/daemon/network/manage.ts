/** network inspect, rm and prune: what the daemon reports about a network and when it may go. */
import type { Container } from "../container/container";
import type { Daemon } from "../daemon";
import { DaemonError, forbidden } from "../errdefs";
import type { Network } from "./store";

/** Running containers with an endpoint on the network (stopped ones hold no endpoint). */
export function endpointsOn(d: Daemon, n: Network): Container[] {
  return [...d.containers.values()].filter((c) => {
    const ep = c.networks[n.Name];
    return c.state.Running && ep && (ep.EndpointID || n.Driver !== "bridge") && (!ep.NetworkID || ep.NetworkID === n.Id);
  });
}

export function inspectNetwork(d: Daemon, n: Network): Record<string, unknown> {
  const containers: Record<string, unknown> = {};
  if (n.Driver === "bridge") {
    for (const c of endpointsOn(d, n)) {
      const ep = c.networks[n.Name];
      containers[c.id] = { Name: c.name, EndpointID: ep.EndpointID, MacAddress: ep.MacAddress, IPv4Address: ep.IPAddress ? `${ep.IPAddress}/${ep.IPPrefixLen}` : "", IPv6Address: "" };
    }
  }
  return {
    Name: n.Name,
    Id: n.Id,
    Created: n.Created,
    Scope: n.Scope,
    Driver: n.Driver,
    EnableIPv6: n.EnableIPv6,
    IPAM: { Driver: n.IPAM.Driver, Options: n.IPAM.Options, Config: n.IPAM.Config.map((c) => ({ ...c })) },
    Internal: n.Internal,
    Attachable: n.Attachable,
    Ingress: n.Ingress,
    ConfigFrom: { ...n.ConfigFrom },
    ConfigOnly: n.ConfigOnly,
    Containers: containers,
    Options: { ...n.Options },
    Labels: { ...n.Labels },
  };
}

/** Remove a user-defined network that no running container is connected to. */
export function networkRemove(d: Daemon, ref: string): Network {
  const n = d.networks.get(ref);
  if (n.builtin) throw forbidden(`${n.Name} is a pre-defined network and cannot be removed`);
  if (endpointsOn(d, n).length) throw new DaemonError("Forbidden", `error while removing network: network ${n.Name} id ${n.Id} has active endpoints`);
  // stopped containers keep naming the network by its ID: starting one fails from now on
  for (const c of d.containers.values()) {
    const ep = c.networks[n.Name];
    if (ep && !ep.NetworkID) ep.NetworkID = n.Id;
  }
  d.networks.remove(n);
  d.events.emit({ Type: "network", Action: "destroy", Actor: { ID: n.Id, Attributes: { name: n.Name, type: n.Driver } }, time: d.now() });
  return n;
}

export interface NetworkFilter {
  key: string;
  value: string;
}

/** Whether a label filter ("key" or "key=value") matches. */
export function labelMatches(labels: Record<string, string> | null, f: string): boolean {
  const i = f.indexOf("=");
  const k = i < 0 ? f : f.slice(0, i);
  if (!labels || !(k in labels)) return false;
  return i < 0 || labels[k] === f.slice(i + 1);
}

/** network prune: every user network without running containers (label and until filters). */
export function networkPrune(d: Daemon, filters: NetworkFilter[]): string[] {
  for (const f of filters) if (!["label", "label!", "until"].includes(f.key)) throw new DaemonError("InvalidParameter", `Invalid filter '${f.key}'`);
  const gone: string[] = [];
  const candidates = [...d.networks.networks.values()].filter((n) => !n.builtin).sort((a, b) => a.Name.localeCompare(b.Name));
  for (const n of candidates) {
    if (endpointsOn(d, n).length) continue;
    if (!filters.every((f) => (f.key === "label" ? labelMatches(n.Labels, f.value) : f.key === "label!" ? !labelMatches(n.Labels, f.value) : true))) continue;
    networkRemove(d, n.Id);
    gone.push(n.Name);
  }
  return gone;
}
